package kz.qorgau.auditlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 6962 §2.1 hashing with SHA-256: a leaf is SHA-256(0x00 ‖ data), an interior node SHA-256(0x01 ‖
 * left ‖ right), the empty tree SHA-256(""). The prefixes keep a node from being passed off as a leaf.
 */
public final class TreeHash {

    /** Bytes of every hash. */
    public static final int SIZE = 32;

    private static final byte[] EMPTY_ROOT = digest(new byte[0]);

    private TreeHash() {}

    public static byte[] leaf(byte[] data) {
        return digest(new byte[] {0x00}, data);
    }

    public static byte[] node(byte[] left, byte[] right) {
        return digest(new byte[] {0x01}, left, right);
    }

    /** The root of the tree of no leaves. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** SHA-256 of the concatenation of {@code parts}. */
    public static byte[] digest(byte[]... parts) {
        MessageDigest digest = sha256();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** Constant-time comparison; {@code false} when either is null. */
    public static boolean same(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK must provide SHA-256", e);
        }
    }
}
