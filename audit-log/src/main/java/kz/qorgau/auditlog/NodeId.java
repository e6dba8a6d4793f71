package kz.qorgau.auditlog;

/**
 * A complete subtree of the log: the {@code 2^level} leaves from {@code index << level}. Level 0 is a
 * leaf. Once complete, a subtree's hash never changes, so it can be stored as the log grows.
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no such node: level " + level + ", index " + index);
        }
    }

    /** The first leaf it covers. */
    public long firstLeaf() {
        return index << level;
    }
}
