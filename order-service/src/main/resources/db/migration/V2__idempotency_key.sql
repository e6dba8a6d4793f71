-- Idempotency-Key of a POST, per caller: the first result is kept so a retry gets it again.
-- Only ids and a fingerprint are kept, no request or response body (those hold personal data);
-- a retry renders the order that the first request created.
CREATE TABLE idempotency_key (
    caller              varchar(255) NOT NULL,
    idempotency_key     varchar(255) NOT NULL,
    -- SHA-256 (hex) of the operation and the canonical request body.
    request_fingerprint char(64)     NOT NULL,
    resource_id         uuid         NOT NULL,
    response_status     smallint     NOT NULL,
    created_at          timestamptz  NOT NULL,
    expires_at          timestamptz  NOT NULL,
    -- Concurrent duplicates meet here: the second INSERT waits for the first to commit, then conflicts.
    PRIMARY KEY (caller, idempotency_key)
);

CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);
