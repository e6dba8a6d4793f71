-- Crypto-shredding (docs/adr/0031-crypto-shredding.md): every entry appended from now on is canonical encoding
-- version 3, its payload stored encrypted under a key per CloudEvents subject (per topic, partition and day for
-- unreadable records); destroying the key when retention ends leaves the ciphertext, its leaf and every proof
-- as they are. DDL only on audit_entry: no row is changed, old entries keep their versions and leaves.

ALTER TABLE audit_entry
    -- Version 3: the name of the key the payload is encrypted under (field 19); NULL when the payload is in clear
    -- (the service's own entries) or absent.
    ADD COLUMN payload_key text;

ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_version;
ALTER TABLE audit_entry
    ADD CONSTRAINT audit_entry_version CHECK (encoding_version IN (1, 2, 3)),
    ADD CONSTRAINT audit_entry_payload_key CHECK (payload_key IS NULL OR (encoding_version = 3 AND payload IS NOT NULL)),
    ADD CONSTRAINT audit_entry_version_3 CHECK (encoding_version <> 3 OR (
        kafka_headers IS NOT NULL AND CASE
            WHEN unreadable_reason IS NULL THEN
                event_id IS NOT NULL AND type IS NOT NULL AND source IS NOT NULL AND subject IS NOT NULL
                AND subject_sequence IS NOT NULL AND event_time IS NOT NULL
            ELSE
                event_id IS NULL AND type IS NULL AND source IS NULL AND subject IS NULL
                AND subject_sequence IS NULL AND event_time IS NULL
                AND data_content_type IS NULL AND data_schema IS NULL
        END));

-- The retention job: when was a key last used.
CREATE INDEX audit_entry_by_payload_key ON audit_entry (payload_key, recorded_at) WHERE payload_key IS NOT NULL;

-- The keys, one per subject (or per topic, partition and day of unreadable records), each AES-GCM wrapped by a
-- key-encryption key from configuration (never in this database). Outside the append-only rule: a key is
-- destroyed (wrapped_key set to NULL) when its retention ends, through audit_destroy_subject_key only.
CREATE TABLE audit_subject_key (
    name         text        NOT NULL PRIMARY KEY,
    -- The CloudEvents subject the key is for; NULL for the keys of unreadable records.
    subject      text,
    -- 12-byte nonce || ciphertext || 16-byte tag, under the key-encryption key kek_id; NULL once destroyed.
    wrapped_key  bytea       CHECK (octet_length(wrapped_key) = 60),
    kek_id       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    destroyed_at timestamptz,
    CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);

COMMENT ON TABLE audit_subject_key IS 'Keys of the trail''s payloads, per subject; destroyed when retention ends (docs/adr/0031)';

CREATE INDEX audit_subject_key_live ON audit_subject_key (name) WHERE wrapped_key IS NOT NULL;

-- Legal holds: while a subject has one not lifted, its key is never destroyed. Placed and lifted by people
-- through the API; each placement and lift becomes an entry of the trail (placed_entry, lifted_entry).
CREATE TABLE audit_legal_hold (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject        text        NOT NULL,
    case_reference text        NOT NULL,
    placed_by      text        NOT NULL,
    placed_at      timestamptz NOT NULL,
    placed_entry   bigint,
    lifted_by      text,
    lifted_at      timestamptz,
    lifted_entry   bigint,
    CHECK ((lifted_by IS NULL) = (lifted_at IS NULL)),
    CHECK (lifted_entry IS NULL OR lifted_at IS NOT NULL)
);

COMMENT ON TABLE audit_legal_hold IS 'Legal holds: no key of a held subject is destroyed (docs/adr/0031)';

CREATE UNIQUE INDEX audit_legal_hold_active ON audit_legal_hold (subject, case_reference) WHERE lifted_at IS NULL;
CREATE INDEX audit_legal_hold_unrecorded ON audit_legal_hold (id)
    WHERE placed_entry IS NULL OR (lifted_at IS NOT NULL AND lifted_entry IS NULL);

-- A hold is written once and lifted once; what was set is never changed, and nothing is deleted.
CREATE FUNCTION audit_legal_hold_only_completed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.subject <> OLD.subject OR NEW.case_reference <> OLD.case_reference
       OR NEW.placed_by <> OLD.placed_by OR NEW.placed_at <> OLD.placed_at
       OR (OLD.placed_entry IS NOT NULL AND NEW.placed_entry IS DISTINCT FROM OLD.placed_entry)
       OR (OLD.lifted_at IS NOT NULL AND (NEW.lifted_at IS DISTINCT FROM OLD.lifted_at
                                          OR NEW.lifted_by IS DISTINCT FROM OLD.lifted_by))
       OR (OLD.lifted_entry IS NOT NULL AND NEW.lifted_entry IS DISTINCT FROM OLD.lifted_entry) THEN
        RAISE EXCEPTION 'audit_legal_hold % may only be lifted and recorded, once', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_legal_hold_only_completed
    BEFORE UPDATE ON audit_legal_hold
    FOR EACH ROW EXECUTE FUNCTION audit_legal_hold_only_completed();
CREATE TRIGGER audit_legal_hold_never_deleted
    BEFORE DELETE OR TRUNCATE ON audit_legal_hold
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- A key changes once: destroyed, never while its subject is under a legal hold, whoever asks (the owner too).
-- Never deleted: a destroyed key's row says the payloads are shredded, not lost.
CREATE FUNCTION audit_subject_key_only_destroyed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.name <> OLD.name OR NEW.subject IS DISTINCT FROM OLD.subject OR NEW.kek_id <> OLD.kek_id
       OR NEW.created_at <> OLD.created_at OR OLD.wrapped_key IS NULL OR NEW.wrapped_key IS NOT NULL THEN
        RAISE EXCEPTION 'audit_subject_key % may only be destroyed, once', OLD.name
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.subject IS NOT NULL AND EXISTS (
            SELECT 1 FROM audit_legal_hold h WHERE h.subject = OLD.subject AND h.lifted_at IS NULL) THEN
        RAISE EXCEPTION 'audit_subject_key % is under a legal hold', OLD.name
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_subject_key_only_destroyed
    BEFORE UPDATE ON audit_subject_key
    FOR EACH ROW EXECUTE FUNCTION audit_subject_key_only_destroyed();
CREATE TRIGGER audit_subject_key_never_deleted
    BEFORE DELETE OR TRUNCATE ON audit_subject_key
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The one way the runtime role destroys a key (it has no UPDATE on the table): runs with the owner's rights,
-- destroys one named key, and only a live one. The retention job calls it in the transaction that appends the
-- destruction's entry. true when the key was destroyed now.
CREATE FUNCTION audit_destroy_subject_key(key_name text, destroyed timestamptz) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE audit_subject_key SET wrapped_key = NULL, destroyed_at = destroyed
     WHERE name = key_name AND wrapped_key IS NOT NULL;
    RETURN FOUND;
END
$$;

REVOKE ALL ON audit_subject_key FROM PUBLIC;
REVOKE ALL ON audit_legal_hold FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_destroy_subject_key(text, timestamptz) FROM PUBLIC;
