-- The court's ban on approaching (criminal procedure, issue 11, ADR 0025): imposed on a suspect or an
-- accused person with a distance per ban, in force until its term or until the court ends it.
CREATE TABLE approach_ban (
    id                 uuid        PRIMARY KEY,
    -- The protective order it concerns, or the criminal case (its number) when none.
    order_id           uuid        REFERENCES protective_order (id),
    criminal_case      varchar(64),
    district           varchar(64) NOT NULL,
    court              varchar(64) NOT NULL,
    case_number        varchar(64) NOT NULL,
    decision_date      date        NOT NULL,
    distance_meters    integer     NOT NULL CHECK (distance_meters >= 1),
    effective_from     timestamptz NOT NULL,
    -- Absent: until the court ends it.
    valid_until        timestamptz,
    status             varchar(16) NOT NULL CHECK (status IN ('IN_FORCE', 'ENDED')),
    offender_sealed    jsonb       NOT NULL,
    offender_iin_index bytea       NOT NULL CHECK (octet_length(offender_iin_index) = 32),
    imposed_by         varchar(64) NOT NULL,
    recorded_at        timestamptz NOT NULL,
    ended_at           timestamptz,
    ended_by           varchar(64),
    end_reason         varchar(64),
    version            integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK (order_id IS NOT NULL OR criminal_case IS NOT NULL),
    CHECK (valid_until IS NULL OR valid_until > effective_from),
    CHECK ((status = 'ENDED') = (ended_at IS NOT NULL))
);
CREATE INDEX approach_ban_offender ON approach_ban (offender_iin_index);
CREATE INDEX approach_ban_in_force ON approach_ban (valid_until) WHERE status = 'IN_FORCE';
