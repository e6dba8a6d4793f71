-- The document handed to the offender (docs/adr/0026). Each printed copy has its own verification code;
-- only the code's SHA-256 is kept, so whoever reads this table cannot forge a printed code from it, and
-- every copy ever printed keeps verifying while its order is in force.
CREATE TABLE offender_document (
    code_hash  BYTEA PRIMARY KEY CHECK (octet_length(code_hash) = 32),
    order_id   UUID NOT NULL REFERENCES protective_order (id),
    printed_at TIMESTAMPTZ NOT NULL,
    printed_by TEXT NOT NULL
);

CREATE INDEX offender_document_order ON offender_document (order_id);
