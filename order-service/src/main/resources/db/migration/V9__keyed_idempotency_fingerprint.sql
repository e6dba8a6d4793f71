-- Idempotency fingerprints become a keyed HMAC-SHA256 (docs/adr/0015): a plain SHA-256 of a body full
-- of personal data let anyone with a copy of this table confirm a guessed body. Rows written before
-- keep their plain SHA-256 and are marked so (the default, which also marks rows an instance of the
-- previous version writes during a rolling upgrade); a retry of such a key is still recognised until
-- the row expires (24 h). Rows are not deleted: a retry would then issue a second order.
ALTER TABLE idempotency_key
    ADD COLUMN fingerprint_scheme varchar(16) NOT NULL DEFAULT 'sha256',
    ADD CONSTRAINT idempotency_key_fingerprint_scheme_known
        CHECK (fingerprint_scheme IN ('sha256', 'hmac-sha256'));

COMMENT ON COLUMN idempotency_key.request_fingerprint IS
    'HMAC-SHA256 (hex) of the operation and the canonical request body, or SHA-256 where fingerprint_scheme = sha256';
