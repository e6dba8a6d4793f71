-- The audit trail: one row per event, appended by a single writer, never changed
-- (docs/adr/0008-audit-entries.md). leaf_hash = SHA-256(0x00 || canonical encoding of the row);
-- chain_hash = SHA-256(previous chain_hash || leaf_hash), the first entry's previous being 32 zero bytes.
CREATE TABLE audit_entry (
    sequence          bigint      NOT NULL PRIMARY KEY CHECK (sequence > 0),
    event_id          uuid        NOT NULL UNIQUE,
    type              text        NOT NULL,
    source            text        NOT NULL,
    subject           text        NOT NULL,
    subject_sequence  bigint      NOT NULL,
    event_time        timestamptz NOT NULL,
    data_content_type text,
    data_schema       text,
    topic             text        NOT NULL,
    kafka_partition   integer     NOT NULL CHECK (kafka_partition >= 0),
    kafka_offset      bigint      NOT NULL CHECK (kafka_offset >= 0),
    recorded_at       timestamptz NOT NULL,
    payload           bytea       NOT NULL,
    leaf_hash         bytea       NOT NULL CHECK (octet_length(leaf_hash) = 32),
    chain_hash        bytea       NOT NULL CHECK (octet_length(chain_hash) = 32)
);

COMMENT ON TABLE audit_entry IS 'Append-only audit trail of every Qorgau event (docs/adr/0008)';

-- GET /api/v1/audit/entries?subject=...: one order's entries in sequence order.
CREATE INDEX audit_entry_by_subject ON audit_entry (subject, sequence);

-- Defence in depth behind the single writer: an entry must follow the last one exactly (no gap,
-- no fork) and link to it (chain_hash). The writer already does both; this catches a bug or a
-- second writer. Runs with the inserting role's rights (SELECT on the table is enough).
CREATE FUNCTION audit_entry_follows_last() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    last_sequence bigint;
    last_chain    bytea;
BEGIN
    SELECT sequence, chain_hash INTO last_sequence, last_chain
      FROM audit_entry ORDER BY sequence DESC LIMIT 1;
    IF NEW.sequence <> coalesce(last_sequence, 0) + 1 THEN
        RAISE EXCEPTION 'audit_entry % does not follow the last entry %', NEW.sequence, coalesce(last_sequence, 0)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.chain_hash <> sha256(coalesce(last_chain, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea) || NEW.leaf_hash) THEN
        RAISE EXCEPTION 'audit_entry % does not extend the hash chain', NEW.sequence
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_entry_follows_last
    BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_follows_last();

-- Append-only: UPDATE, DELETE and TRUNCATE are refused, whoever asks (the runtime role also lacks
-- the privileges). Statement-level, so even a statement that matches no row is refused. Only the
-- owner can disable the trigger, and verification then reveals any change.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

REVOKE ALL ON audit_entry FROM PUBLIC;
