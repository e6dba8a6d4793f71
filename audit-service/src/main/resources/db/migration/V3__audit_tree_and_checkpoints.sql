-- The trail becomes a verifiable log (docs/adr/0023-verifiable-audit-log.md).
--
-- audit_tree_node: the hash of every complete subtree of the RFC 6962 Merkle tree over the entries'
-- leaf hashes, above the leaves (level >= 1; level 0 is audit_entry.leaf_hash of entry index + 1).
-- Node (level, node_index) covers entries node_index * 2^level + 1 .. (node_index + 1) * 2^level and is
-- SHA-256(0x01 || left child || right child). The writer inserts the nodes an entry completes in the
-- entry's own transaction, so any proof reads O(log n) rows. Never changed.
CREATE TABLE audit_tree_node (
    level      smallint NOT NULL CHECK (level BETWEEN 1 AND 62),
    node_index bigint   NOT NULL CHECK (node_index >= 0),
    hash       bytea    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, node_index)
);

COMMENT ON TABLE audit_tree_node IS 'Complete subtree hashes of the audit trail''s Merkle tree (docs/adr/0023)';

-- audit_checkpoint: signed tree heads, C2SP signed notes (c2sp.org/tlog-checkpoint). Copies are published
-- to the checkpoint topic; the signing key is never in this database.
CREATE TABLE audit_checkpoint (
    id          bigint      NOT NULL PRIMARY KEY CHECK (id > 0),
    origin      text        NOT NULL,
    tree_size   bigint      NOT NULL CHECK (tree_size > 0),
    root_hash   bytea       NOT NULL CHECK (octet_length(root_hash) = 32),
    key_name    text        NOT NULL,
    key_id      text        NOT NULL CHECK (key_id ~ '^[0-9a-f]{8}$'),
    signed_note text        NOT NULL,
    signed_at   timestamptz NOT NULL
);

COMMENT ON TABLE audit_checkpoint IS 'Signed checkpoints of the audit trail (docs/adr/0023)';

CREATE INDEX audit_checkpoint_by_size ON audit_checkpoint (tree_size);

-- Append-only, like audit_entry (whose function names audit_entry in its message).
CREATE FUNCTION audit_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER audit_tree_node_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_tree_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

REVOKE ALL ON audit_tree_node FROM PUBLIC;
REVOKE ALL ON audit_checkpoint FROM PUBLIC;

-- The tree of the entries already in the trail, built as the writer builds it: for entry index i
-- (sequence i + 1), the nodes it completes, each from its left sibling and the node just made.
DO $tree$
DECLARE
    entry      record;
    i          bigint;
    lvl        integer;
    hash       bytea;
    left_hash  bytea;
BEGIN
    FOR entry IN SELECT sequence, leaf_hash FROM audit_entry ORDER BY sequence LOOP
        i := entry.sequence - 1;
        hash := entry.leaf_hash;
        lvl := 0;
        WHILE ((i >> lvl) & 1) = 1 LOOP
            IF lvl = 0 THEN
                SELECT leaf_hash INTO left_hash FROM audit_entry WHERE sequence = i;
            ELSE
                SELECT n.hash INTO left_hash FROM audit_tree_node n
                 WHERE n.level = lvl AND n.node_index = (i >> lvl) - 1;
            END IF;
            hash := sha256('\x01'::bytea || left_hash || hash);
            lvl := lvl + 1;
            INSERT INTO audit_tree_node (level, node_index, hash) VALUES (lvl, i >> lvl, hash);
        END LOOP;
    END LOOP;
END
$tree$;
