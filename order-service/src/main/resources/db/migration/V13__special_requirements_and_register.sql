-- Court special requirements for the offender's behaviour (issue 11, ADR 0025), their reporting schedule
-- and visits, and the preventive register. Like orders: every change raises the version (the ETag) and
-- writes its event to the kit's outbox in the same transaction; nothing is deleted but register rows.

CREATE TABLE special_requirements (
    id                  uuid        PRIMARY KEY,
    -- The protective order that led to them, or the administrative case (its number) when none did.
    order_id            uuid        REFERENCES protective_order (id),
    administrative_case varchar(64),
    district            varchar(64) NOT NULL,
    court               varchar(64) NOT NULL,
    case_number         varchar(64) NOT NULL,
    decision_date       date        NOT NULL,
    effective_from      timestamptz NOT NULL,
    valid_until         timestamptz NOT NULL,
    -- The whole term in months from the effective day, extensions included (valid_until follows from it).
    term_months         integer     NOT NULL CHECK (term_months >= 1),
    status              varchar(16) NOT NULL CHECK (status IN ('IMPOSED', 'IN_FORCE', 'EXTENDED', 'EXPIRED')),
    bans                jsonb       NOT NULL CHECK (jsonb_typeof(bans) = 'array'),
    -- Places a minor may not visit, as the court named them: encrypted with the offender.
    offender_sealed     jsonb       NOT NULL,
    offender_iin_index  bytea       NOT NULL CHECK (octet_length(offender_iin_index) = 32),
    legal_basis_law     varchar(64) NOT NULL,
    legal_basis_article varchar(64) NOT NULL,
    legal_basis_version varchar(64) NOT NULL,
    imposed_by          varchar(64) NOT NULL,
    recorded_at         timestamptz NOT NULL,
    -- The reporting schedule the officer recorded: {"dates": [...]} or {"weekday": ..., "weeks": [...]}.
    reporting_schedule  jsonb,
    -- Days before the schedule was recorded are never counted as missed.
    schedule_recorded_at timestamptz,
    version             integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK (order_id IS NOT NULL OR administrative_case IS NOT NULL),
    CHECK (valid_until > effective_from)
);
CREATE INDEX special_requirements_offender ON special_requirements (offender_iin_index);
CREATE INDEX special_requirements_live ON special_requirements (valid_until) WHERE status <> 'EXPIRED';

CREATE TABLE special_requirements_extension (
    id              uuid        PRIMARY KEY,
    requirements_id uuid        NOT NULL REFERENCES special_requirements (id),
    court           varchar(64) NOT NULL,
    case_number     varchar(64) NOT NULL,
    decision_date   date        NOT NULL,
    previous_until  timestamptz NOT NULL,
    valid_until     timestamptz NOT NULL,
    extended_by     varchar(64) NOT NULL,
    recorded_at     timestamptz NOT NULL,
    CHECK (valid_until > previous_until)
);

CREATE TABLE reporting_visit (
    id              uuid        PRIMARY KEY,
    requirements_id uuid        NOT NULL REFERENCES special_requirements (id),
    recorded_by     varchar(64) NOT NULL,
    visited_at      timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL,
    CHECK (visited_at <= recorded_at)
);
CREATE INDEX reporting_visit_by_requirements ON reporting_visit (requirements_id, visited_at);

-- A measure's timed event (in force, visit missed, expired) is published once, as an order's is
-- (order_timed_event): its row commits with its outbox row, so a second scan adds nothing.
CREATE TABLE measure_timed_event (
    measure_id uuid        NOT NULL,
    kind       varchar(32) NOT NULL,
    due_at     timestamptz NOT NULL,
    event_id   uuid        NOT NULL UNIQUE,
    raised_at  timestamptz NOT NULL,
    PRIMARY KEY (measure_id, kind, due_at)
);

-- The sequence of events of a measure that is its own subject (no protective order behind it).
CREATE TABLE measure_event_sequence (
    measure_id          uuid    PRIMARY KEY,
    last_event_sequence integer NOT NULL
);

-- The preventive register: one row per offender (by the IIN's blind index) while a measure is in force,
-- naming the measure that put them there. Deleted when the last one ends.
CREATE TABLE preventive_register (
    offender_iin_index bytea       PRIMARY KEY CHECK (octet_length(offender_iin_index) = 32),
    measure            varchar(32) NOT NULL,
    measure_id         uuid        NOT NULL,
    entered_at         timestamptz NOT NULL
);

-- Offenders with an order in force before the register existed are on it; no event is made up for them.
INSERT INTO preventive_register (offender_iin_index, measure, measure_id, entered_at)
SELECT DISTINCT ON (offender_iin_index) offender_iin_index, 'PROTECTIVE_ORDER', id, served_at
FROM protective_order
WHERE status = 'IN_FORCE'
ORDER BY offender_iin_index, served_at;
