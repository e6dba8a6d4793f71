-- The whole life of an order (issue 10): served, in force, expired, revoked or voided; service attempts,
-- violations and arrests, compliance checks and amendments, each kept, never overwritten. Every change
-- bumps the order's version (its ETag) and writes its event to the kit's outbox in the same transaction.

ALTER TABLE protective_order DROP CONSTRAINT protective_order_status_known;
ALTER TABLE protective_order
    ADD CONSTRAINT protective_order_status_known
        CHECK (status IN ('ISSUED', 'IN_FORCE', 'EXPIRED', 'REVOKED', 'VOIDED')),
    -- The ETag: raised by every change of the order (never by a read).
    ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN served_at timestamptz,
    ADD COLUMN served_by varchar(64),
    ADD COLUMN service_method varchar(32),
    ADD COLUMN service_recorded_at timestamptz,
    -- When and why it ended early (REVOKED, VOIDED); EXPIRED ends at valid_until.
    ADD COLUMN ended_at timestamptz,
    ADD COLUMN ended_by varchar(64),
    ADD COLUMN end_reason varchar(64),
    -- A violation, or a second order against the same offender within the repeat window.
    ADD COLUMN repeat_offender boolean NOT NULL DEFAULT false,
    -- The offender's earlier order this one repeats (an order is never extended: a repeat is a new one).
    ADD COLUMN previous_order_id uuid REFERENCES protective_order (id),
    ADD CONSTRAINT protective_order_in_force_was_served
        CHECK (status IN ('ISSUED', 'VOIDED') OR (served_at IS NOT NULL AND valid_until IS NOT NULL));

-- The scans of timed events look for these.
CREATE INDEX protective_order_unserved ON protective_order (issued_at) WHERE status = 'ISSUED';
CREATE INDEX protective_order_in_force ON protective_order (valid_until) WHERE status = 'IN_FORCE';

CREATE TABLE order_service_attempt (
    id           uuid        PRIMARY KEY,
    order_id     uuid        NOT NULL REFERENCES protective_order (id),
    attempted_by varchar(64) NOT NULL,
    attempted_at timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL,
    reason       varchar(64) NOT NULL,
    CHECK (attempted_at <= recorded_at)
);
CREATE INDEX order_service_attempt_by_order ON order_service_attempt (order_id, recorded_at);

CREATE TABLE order_violation (
    id                       uuid        PRIMARY KEY,
    order_id                 uuid        NOT NULL REFERENCES protective_order (id),
    status                   varchar(16) NOT NULL CHECK (status IN ('REPORTED', 'CONFIRMED')),
    source                   varchar(16) NOT NULL,
    reported_by              varchar(64) NOT NULL,
    breached                 jsonb       NOT NULL CHECK (jsonb_typeof(breached) = 'array'),
    occurred_at              timestamptz NOT NULL,
    recorded_at              timestamptz NOT NULL,
    legal_basis_law          varchar(64) NOT NULL,
    legal_basis_article      varchar(64) NOT NULL,
    legal_basis_version      varchar(64) NOT NULL,
    case_number              varchar(64),
    confirmed_by             varchar(64),
    confirmed_at             timestamptz,
    arrest_started_at        timestamptz,
    arrest_ended_at          timestamptz,
    CHECK (occurred_at <= recorded_at),
    CHECK ((status = 'CONFIRMED') = (case_number IS NOT NULL AND confirmed_at IS NOT NULL)),
    CHECK (arrest_started_at IS NULL OR status = 'CONFIRMED'),
    CHECK (arrest_ended_at IS NULL OR arrest_ended_at >= arrest_started_at)
);
CREATE INDEX order_violation_by_order ON order_violation (order_id, occurred_at);

-- A correction is a new row naming the one it corrects; the corrected row is kept as it was.
CREATE TABLE compliance_check (
    id          uuid        PRIMARY KEY,
    order_id    uuid        NOT NULL REFERENCES protective_order (id),
    checked_by  varchar(64) NOT NULL,
    checked_at  timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    method      varchar(16),
    place       varchar(64),
    corrects    uuid        UNIQUE REFERENCES compliance_check (id),
    reason      varchar(64),
    CHECK (checked_at <= recorded_at),
    CHECK ((corrects IS NULL) = (reason IS NULL))
);
CREATE INDEX compliance_check_by_order ON compliance_check (order_id, checked_at);

CREATE TABLE order_amendment (
    id          uuid        PRIMARY KEY,
    order_id    uuid        NOT NULL REFERENCES protective_order (id),
    amended_by  varchar(64) NOT NULL,
    amended_at  timestamptz NOT NULL,
    reason      varchar(64) NOT NULL,
    changes     jsonb       NOT NULL CHECK (jsonb_typeof(changes) = 'array')
);

-- A timed event (service overdue, check overdue, expiry approaching, expired) is published once: its row,
-- keyed by (order, kind, due time), commits together with its outbox row, so a second scan (another
-- instance, or after downtime) finds it taken and adds nothing.
CREATE TABLE order_timed_event (
    order_id  uuid        NOT NULL REFERENCES protective_order (id),
    kind      varchar(32) NOT NULL,
    due_at    timestamptz NOT NULL,
    event_id  uuid        NOT NULL UNIQUE,
    raised_at timestamptz NOT NULL,
    PRIMARY KEY (order_id, kind, due_at)
);
