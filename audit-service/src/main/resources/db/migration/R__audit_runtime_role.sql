-- The service's runtime role may read and append to the trail, its tree and its checkpoints, nothing more
-- (docs/adr/0008, 0023).
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
    END IF;
END
$grant$;
