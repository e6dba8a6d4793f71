package kz.qorgau.audit.entry;

import java.security.MessageDigest;
import java.util.Arrays;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;

/**
 * An entry's RFC 6962 leaf hash: SHA-256(0x00 ‖ {@link CanonicalEncoding canonical encoding}). The
 * 0x00 prefix separates leaves from the tree's interior nodes (0x01), so the Merkle tree a later
 * issue builds over these leaves cannot be fooled by a node passed off as a leaf.
 */
public record LeafHash(byte[] bytes) {

    /** RFC 6962 §2.1: the prefix of a leaf's hash input. */
    static final byte LEAF_PREFIX = 0x00;

    public LeafHash {
        bytes = Sha256.requireDigest(bytes, "a leaf hash");
    }

    /** The leaf hash of an entry. */
    public static LeafHash of(AuditEntry entry) {
        return new LeafHash(Sha256.digest(new byte[] {LEAF_PREFIX}, CanonicalEncoding.encode(entry)));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Constant-time comparison. */
    public boolean matches(LeafHash other) {
        return other != null && MessageDigest.isEqual(bytes, other.bytes);
    }

    public String hex() {
        return Sha256.hex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LeafHash leaf && matches(leaf);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "LeafHash[" + hex() + "]";
    }
}
