-- Access control (docs/adr/0010).

-- Per-person rate buckets (Bucket4j's PostgreSQL layout): one row per person and kind of limit, locked
-- with SELECT ... FOR UPDATE while it is used, so a limit holds across instances. expires_at (epoch ms)
-- is when the bucket is full again and the row can go.
CREATE TABLE access_rate_bucket (
    id VARCHAR(300) PRIMARY KEY,
    state BYTEA,
    expires_at BIGINT
);

-- Emergency access of one member of staff to another district's orders, for a limited time, with a
-- stated reason; every grant waits for a supervisor's review.
CREATE TABLE break_glass_grant (
    id UUID PRIMARY KEY,
    subject VARCHAR(200) NOT NULL,
    subject_district VARCHAR(64),
    district VARCHAR(64) NOT NULL,
    reason VARCHAR(500) NOT NULL,
    granted_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    review_outcome VARCHAR(20),
    reviewed_by VARCHAR(200),
    reviewed_at TIMESTAMPTZ,
    CONSTRAINT break_glass_grant_expires_after_grant CHECK (expires_at > granted_at),
    CONSTRAINT break_glass_grant_review_complete CHECK (
        (review_outcome IS NULL AND reviewed_by IS NULL AND reviewed_at IS NULL)
        OR (review_outcome IS NOT NULL AND reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL))
);

CREATE INDEX break_glass_grant_active ON break_glass_grant (subject, district, expires_at);
CREATE INDEX break_glass_grant_pending_review ON break_glass_grant (district) WHERE review_outcome IS NULL;
