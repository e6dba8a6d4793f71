-- An evidence bundle's payloads disclosed (docs/adr/0040): recorded here before the payloads leave, and appended to
-- the trail as the service's own entry (kz.qorgau.audit.bundle.payloads.disclosed.v1) under event_id, by the writer
-- at once or at its next round; entry notes the entry's sequence.
CREATE TABLE audit_payload_disclosure (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    subject      text        NOT NULL,
    disclosed_by text        NOT NULL,
    roles        text        NOT NULL,
    purpose      text        NOT NULL,
    entries      integer     NOT NULL CHECK (entries >= 0),
    payloads     integer     NOT NULL CHECK (payloads >= 0),
    tree_size    bigint      NOT NULL CHECK (tree_size > 0),
    disclosed_at timestamptz NOT NULL,
    entry        bigint
);

COMMENT ON TABLE audit_payload_disclosure IS
    'Evidence bundles given with payloads, each an entry of the trail once recorded (docs/adr/0040)';

CREATE INDEX audit_payload_disclosure_unrecorded ON audit_payload_disclosure (id) WHERE entry IS NULL;

-- A disclosure is written once and its entry noted once; nothing else changes, and nothing is deleted.
CREATE FUNCTION audit_payload_disclosure_only_recorded() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.event_id <> OLD.event_id OR NEW.subject <> OLD.subject
       OR NEW.disclosed_by <> OLD.disclosed_by OR NEW.roles <> OLD.roles OR NEW.purpose <> OLD.purpose
       OR NEW.entries <> OLD.entries OR NEW.payloads <> OLD.payloads OR NEW.tree_size <> OLD.tree_size
       OR NEW.disclosed_at <> OLD.disclosed_at
       OR (OLD.entry IS NOT NULL AND NEW.entry IS DISTINCT FROM OLD.entry) THEN
        RAISE EXCEPTION 'audit_payload_disclosure % may only be recorded, once', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_payload_disclosure_only_recorded
    BEFORE UPDATE ON audit_payload_disclosure
    FOR EACH ROW EXECUTE FUNCTION audit_payload_disclosure_only_recorded();
CREATE TRIGGER audit_payload_disclosure_never_deleted
    BEFORE DELETE OR TRUNCATE ON audit_payload_disclosure
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

REVOKE ALL ON audit_payload_disclosure FROM PUBLIC;
