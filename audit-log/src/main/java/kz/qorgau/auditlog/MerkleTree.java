package kz.qorgau.auditlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roots and proofs of the RFC 6962 Merkle tree (RFC 9162 §2.1), computed from the hashes of complete
 * subtrees ({@link NodeId}). Every hash a proof needs is the hash of a range of leaves that starts at a
 * subtree boundary; such a range is at most 63 complete subtrees, so a proof reads O(log n) stored
 * hashes, in one {@link TreeNodes#read} call.
 */
public final class MerkleTree {

    private MerkleTree() {}

    /** The root of the tree of the first {@code size} leaves. */
    public static byte[] root(long size, TreeNodes nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        if (size == 0) {
            return TreeHash.emptyRoot();
        }
        return hashes(List.of(new Range(0, size)), nodes).get(0);
    }

    /** RFC 6962 §2.1.1 PATH: the audit path of leaf {@code index} (from 0) in the tree of {@code size}. */
    public static List<byte[]> inclusionProof(long index, long size, TreeNodes nodes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<Range> ranges = new ArrayList<>();
        path(index, 0, size, ranges);
        return hashes(ranges, nodes);
    }

    /** RFC 6962 §2.1.2 PROOF: that the tree of {@code size1} is a prefix of the tree of {@code size2}. */
    public static List<byte[]> consistencyProof(long size1, long size2, TreeNodes nodes) {
        if (size1 < 1 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + size2);
        }
        List<Range> ranges = new ArrayList<>();
        if (size1 < size2) {
            subproof(size1, 0, size2, true, ranges);
        }
        return hashes(ranges, nodes);
    }

    /**
     * The subtrees that leaf {@code index} completes, with their hashes: the nodes to store when it is
     * appended. Reads the left siblings on its way up (at most one per level, in one call).
     */
    public static Map<NodeId, byte[]> completedBy(long index, byte[] leafHash, TreeNodes nodes) {
        Set<NodeId> leftSiblings = new LinkedHashSet<>();
        for (int level = 0; level < 62 && ((index >> level) & 1) == 1; level++) {
            leftSiblings.add(new NodeId(level, (index >> level) - 1));
        }
        Map<NodeId, byte[]> read = leftSiblings.isEmpty() ? Map.of() : nodes.read(leftSiblings);
        Map<NodeId, byte[]> completed = new LinkedHashMap<>();
        byte[] hash = leafHash;
        int level = 0;
        for (NodeId left : leftSiblings) {
            hash = TreeHash.node(require(read, left), hash);
            level++;
            completed.put(new NodeId(level, index >> level), hash);
        }
        return completed;
    }

    private static void path(long index, long start, long length, List<Range> out) {
        if (length == 1) {
            return;
        }
        long split = Long.highestOneBit(length - 1);
        if (index < split) {
            path(index, start, split, out);
            out.add(new Range(start + split, start + length));
        } else {
            path(index - split, start + split, length - split, out);
            out.add(new Range(start, start + split));
        }
    }

    private static void subproof(long size1, long start, long length, boolean complete, List<Range> out) {
        if (size1 == length) {
            if (!complete) {
                out.add(new Range(start, start + length));
            }
            return;
        }
        long split = Long.highestOneBit(length - 1);
        if (size1 <= split) {
            subproof(size1, start, split, complete, out);
            out.add(new Range(start + split, start + length));
        } else {
            subproof(size1 - split, start + split, length - split, false, out);
            out.add(new Range(start, start + split));
        }
    }

    private static List<byte[]> hashes(List<Range> ranges, TreeNodes nodes) {
        Set<NodeId> needed = new LinkedHashSet<>();
        ranges.forEach(range -> needed.addAll(range.subtrees()));
        Map<NodeId, byte[]> read = nodes.read(needed);
        return ranges.stream().map(range -> range.hash(read)).toList();
    }

    private static byte[] require(Map<NodeId, byte[]> read, NodeId node) {
        byte[] hash = read.get(node);
        if (hash == null || hash.length != TreeHash.SIZE) {
            throw new IllegalStateException("the hash of " + node + " is missing");
        }
        return hash;
    }

    /**
     * Leaves {@code [start, end)}, where {@code start} is a multiple of the largest power of two not above
     * {@code end - start}: the subtrees of MTH's splits, as every proof's ranges are.
     */
    private record Range(long start, long end) {

        /** Its complete subtrees from left to right, largest first: the set bits of its length. */
        List<NodeId> subtrees() {
            List<NodeId> subtrees = new ArrayList<>();
            long position = start;
            for (int level = 63 - Long.numberOfLeadingZeros(end - start); level >= 0; level--) {
                if (((end - start) >> level & 1) == 1) {
                    subtrees.add(new NodeId(level, position >> level));
                    position += 1L << level;
                }
            }
            return subtrees;
        }

        /** MTH of the range: its subtrees folded from the right, as MTH splits off the largest first. */
        byte[] hash(Map<NodeId, byte[]> read) {
            List<NodeId> subtrees = subtrees();
            byte[] hash = require(read, subtrees.get(subtrees.size() - 1));
            for (int i = subtrees.size() - 2; i >= 0; i--) {
                hash = TreeHash.node(require(read, subtrees.get(i)), hash);
            }
            return hash;
        }
    }
}
