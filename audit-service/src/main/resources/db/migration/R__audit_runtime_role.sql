-- The service's runtime role may read and append to the trail, its tree and its checkpoints, nothing more
-- (docs/adr/0008, 0023). Crypto-shredding (docs/adr/0031): it reads and adds subject keys but destroys one only
-- through audit_destroy_subject_key (no UPDATE or DELETE on the keys); it places legal holds and may set only
-- a hold's lift and the entries that record it (the table's trigger keeps each set once). A bundle's payloads
-- disclosed (docs/adr/0040): it adds the disclosure and may set only the entry that records it.
-- The migration owner runs this; ${runtime_role} is checked to be a plain identifier before
-- Flyway sees it. Nothing to grant when the service runs as the owner itself (the local stack).
-- Repeatable: Flyway runs it again whenever the role's name changes.
DO $grant$
DECLARE
    runtime_role text := '${runtime_role}';
BEGIN
    IF runtime_role <> current_user THEN
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), runtime_role);
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), runtime_role);
        EXECUTE format('GRANT SELECT, INSERT ON audit_entry, audit_tree_node, audit_checkpoint TO %I', runtime_role);
        EXECUTE format('GRANT SELECT, INSERT ON audit_subject_key, audit_legal_hold TO %I', runtime_role);
        EXECUTE format('GRANT UPDATE (placed_entry, lifted_by, lifted_at, lifted_entry) ON audit_legal_hold TO %I',
                       runtime_role);
        EXECUTE format('GRANT USAGE ON SEQUENCE audit_legal_hold_id_seq TO %I', runtime_role);
        EXECUTE format('GRANT SELECT, INSERT ON audit_payload_disclosure TO %I', runtime_role);
        EXECUTE format('GRANT UPDATE (entry) ON audit_payload_disclosure TO %I', runtime_role);
        EXECUTE format('GRANT USAGE ON SEQUENCE audit_payload_disclosure_id_seq TO %I', runtime_role);
        EXECUTE format('GRANT EXECUTE ON FUNCTION audit_destroy_subject_key(text, timestamptz) TO %I', runtime_role);
    END IF;
END
$grant$;
