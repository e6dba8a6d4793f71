-- The order's risk level (issue 11, ADR 0025): every assessment is a row, never overwritten; the latest
-- is the order's level, and its re-assessment falls due by level (order_timed_event kind
-- RISK_REASSESSMENT_OVERDUE).
CREATE TABLE order_risk_assessment (
    id             uuid        PRIMARY KEY,
    order_id       uuid        NOT NULL REFERENCES protective_order (id),
    level          varchar(16) NOT NULL CHECK (level IN ('LOW', 'MEDIUM', 'HIGH', 'EXTREME')),
    previous_level varchar(16) CHECK (previous_level IN ('LOW', 'MEDIUM', 'HIGH', 'EXTREME')),
    assessed_by    varchar(64) NOT NULL,
    assessed_at    timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL,
    reason         varchar(64),
    CHECK (assessed_at <= recorded_at)
);
CREATE INDEX order_risk_assessment_by_order ON order_risk_assessment (order_id, recorded_at);
