package kz.qorgau.auditlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A log's complete subtrees in memory, grown leaf by leaf as the writer grows its table: for the offline
 * verifier and tests. Not thread-safe.
 */
public final class InMemoryTree implements TreeNodes {

    /** {@code levels.get(l).get(i)}: the hash of {@link NodeId}(l, i). */
    private final List<List<byte[]>> levels = new ArrayList<>();

    /** Appends a leaf by its leaf hash; returns the new size. */
    public long append(byte[] leafHash) {
        if (leafHash == null || leafHash.length != TreeHash.SIZE) {
            throw new IllegalArgumentException("a leaf hash is 32 bytes");
        }
        long index = size();
        put(new NodeId(0, index), leafHash.clone());
        MerkleTree.completedBy(index, leafHash, this).forEach(this::put);
        return index + 1;
    }

    public long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    public byte[] root() {
        return MerkleTree.root(size(), this);
    }

    public byte[] root(long size) {
        return MerkleTree.root(size, this);
    }

    public byte[] leaf(long index) {
        return levels.get(0).get(Math.toIntExact(index)).clone();
    }

    @Override
    public Map<NodeId, byte[]> read(Set<NodeId> nodes) {
        Map<NodeId, byte[]> read = new LinkedHashMap<>();
        for (NodeId node : nodes) {
            if (node.level() >= levels.size()
                    || node.index() >= levels.get(node.level()).size()) {
                throw new IllegalStateException(node + " is not a complete subtree of this tree");
            }
            read.put(node, levels.get(node.level()).get(Math.toIntExact(node.index())));
        }
        return read;
    }

    private void put(NodeId node, byte[] hash) {
        while (levels.size() <= node.level()) {
            levels.add(new ArrayList<>());
        }
        List<byte[]> level = levels.get(node.level());
        if (node.index() != level.size()) {
            throw new IllegalStateException(node + " completed out of order");
        }
        level.add(hash);
    }
}
