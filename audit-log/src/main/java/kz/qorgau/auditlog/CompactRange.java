package kz.qorgau.auditlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The root of a growing log in O(log n) memory: the hashes of the complete subtrees that make up the
 * leaves so far, largest first (one per set bit of the size). For the offline verifier, which reads
 * millions of entries once and needs the root at each checkpoint's size.
 */
public final class CompactRange {

    private final List<byte[]> subtrees = new ArrayList<>();
    private long size;

    public void append(byte[] leafHash) {
        if (leafHash == null || leafHash.length != TreeHash.SIZE) {
            throw new IllegalArgumentException("a leaf hash is 32 bytes");
        }
        byte[] hash = leafHash;
        // Each trailing one bit of the old size is a subtree that the new leaf completes a level above.
        for (long bits = size; (bits & 1) == 1; bits >>= 1) {
            hash = TreeHash.node(subtrees.remove(subtrees.size() - 1), hash);
        }
        subtrees.add(hash);
        size++;
    }

    /** An independent copy: appending to one leaves the other as it was. */
    public CompactRange copy() {
        CompactRange copy = new CompactRange();
        copy.subtrees.addAll(subtrees);
        copy.size = size;
        return copy;
    }

    public long size() {
        return size;
    }

    /** The root of the leaves so far: the subtrees folded from the right, as MTH splits. */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return TreeHash.emptyRoot();
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = TreeHash.node(subtrees.get(i), root);
        }
        return root;
    }
}
