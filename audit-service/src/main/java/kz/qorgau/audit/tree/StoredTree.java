package kz.qorgau.audit.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qorgau.auditlog.MerkleTree;
import kz.qorgau.auditlog.NodeId;
import kz.qorgau.auditlog.TreeNodes;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Merkle tree over the trail as the database holds it (docs/adr/0023): leaves are {@code
 * audit_entry.leaf_hash} (leaf index = sequence - 1), the complete subtrees above them rows of {@code
 * audit_tree_node}. A read is two indexed queries whatever the number of nodes.
 */
public final class StoredTree implements TreeNodes {

    private final JdbcClient jdbc;

    public StoredTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the subtrees that the entry {@code sequence} completes. The writer calls it in the entry's own
     * transaction, after inserting the entry.
     */
    public static void appended(JdbcClient jdbc, long sequence, byte[] leafHash) {
        Appending tree = new Appending(jdbc);
        tree.appended(sequence, leafHash);
        tree.store();
    }

    /**
     * The tree as one writer's transaction grows it: the leaves and nodes it added are read from memory, so that
     * appending a poll's entries reads from the database only the nodes left of the first one, and the new nodes
     * are inserted together by {@link #store}, before the transaction commits.
     */
    public static final class Appending implements TreeNodes {

        private final JdbcClient jdbc;
        private final StoredTree stored;
        private final Map<NodeId, byte[]> added = new HashMap<>();
        private final Map<NodeId, byte[]> unstored = new LinkedHashMap<>();

        public Appending(JdbcClient jdbc) {
            this.jdbc = jdbc;
            this.stored = new StoredTree(jdbc);
        }

        /** The subtrees that the entry {@code sequence}, inserted in this transaction, completes; see {@link #store}. */
        public void appended(long sequence, byte[] leafHash) {
            added.put(new NodeId(0, sequence - 1), leafHash);
            MerkleTree.completedBy(sequence - 1, leafHash, this).forEach((node, hash) -> {
                added.put(node, hash);
                unstored.put(node, hash);
            });
        }

        /** Inserts the nodes completed since the last call, in one statement. */
        public void store() {
            if (unstored.isEmpty()) {
                return;
            }
            List<Integer> levels = new ArrayList<>();
            List<Long> indexes = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            unstored.forEach((node, hash) -> {
                levels.add(node.level());
                indexes.add(node.index());
                hashes.add(hash);
            });
            jdbc.sql("INSERT INTO audit_tree_node (level, node_index, hash)"
                            + " SELECT * FROM unnest(?::integer[], ?::bigint[], ?::bytea[])")
                    .params(levels.toArray(Integer[]::new), indexes.toArray(Long[]::new), hashes.toArray(byte[][]::new))
                    .update();
            unstored.clear();
        }

        @Override
        public Map<NodeId, byte[]> read(Set<NodeId> nodes) {
            Map<NodeId, byte[]> read = new HashMap<>();
            Set<NodeId> missing = new HashSet<>();
            for (NodeId node : nodes) {
                byte[] hash = added.get(node);
                if (hash == null) {
                    missing.add(node);
                } else {
                    read.put(node, hash);
                }
            }
            if (!missing.isEmpty()) {
                read.putAll(stored.read(missing));
            }
            return read;
        }
    }

    /** The root of the tree of the first {@code size} entries. */
    public byte[] root(long size) {
        return MerkleTree.root(size, this);
    }

    @Override
    public Map<NodeId, byte[]> read(Set<NodeId> nodes) {
        List<Long> sequences = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        for (NodeId node : nodes) {
            if (node.level() == 0) {
                sequences.add(node.index() + 1);
            } else {
                levels.add(node.level());
                indexes.add(node.index());
            }
        }
        Map<NodeId, byte[]> read = new HashMap<>();
        if (!sequences.isEmpty()) {
            jdbc.sql("SELECT sequence, leaf_hash FROM audit_entry WHERE sequence = ANY(?)")
                    .param(sequences.toArray(Long[]::new))
                    .query((row, number) -> read.put(new NodeId(0, row.getLong(1) - 1), row.getBytes(2)))
                    .list();
        }
        if (!levels.isEmpty()) {
            jdbc.sql(
                            """
                            SELECT n.level, n.node_index, n.hash
                              FROM audit_tree_node n
                              JOIN unnest(?::integer[], ?::bigint[]) AS wanted(level, node_index)
                                ON n.level = wanted.level AND n.node_index = wanted.node_index""")
                    .params(levels.toArray(Integer[]::new), indexes.toArray(Long[]::new))
                    .query((row, number) -> read.put(new NodeId(row.getInt(1), row.getLong(2)), row.getBytes(3)))
                    .list();
        }
        for (NodeId node : nodes) {
            if (!read.containsKey(node)) {
                throw new IllegalStateException("The trail's tree lacks " + node);
            }
        }
        return read;
    }
}
