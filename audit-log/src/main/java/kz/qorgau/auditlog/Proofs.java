package kz.qorgau.auditlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks inclusion and consistency proofs, RFC 9162 §2.1.3.2 and §2.1.4.2, with the edge rules of
 * transparency-dev/merkle's {@code proof/verify.go}: a consistency proof from the empty tree proves
 * nothing and is refused, between equal sizes it must be empty and the roots equal. Every hash must be
 * 32 bytes. Hashes are compared in constant time.
 */
public final class Proofs {

    private Proofs() {}

    /** Whether {@code proof} shows the leaf {@code leafHash} at {@code index} in the tree {@code root} of {@code size}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(leafHash, root) || !wellFormed(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = TreeHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && TreeHash.same(r, root);
    }

    /** Whether {@code proof} shows the tree {@code root1} of {@code size1} to be a prefix of {@code root2} of {@code size2}. */
    public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 < 1 || size2 < size1 || proof == null) {
            return false;
        }
        if (size1 == size2) {
            // As the reference: nothing to prove, the roots must simply be the same.
            return proof.isEmpty() && TreeHash.same(root1, root2);
        }
        if (!wellFormed(root1, root2) || !wellFormed(proof)) {
            return false;
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHash.node(c, fr);
                sr = TreeHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = TreeHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && TreeHash.same(fr, root1) && TreeHash.same(sr, root2);
    }

    private static boolean wellFormed(byte[]... hashes) {
        for (byte[] hash : hashes) {
            if (hash == null || hash.length != TreeHash.SIZE) {
                return false;
            }
        }
        return true;
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof != null && proof.size() <= 128 && wellFormed(proof.toArray(byte[][]::new));
    }
}
