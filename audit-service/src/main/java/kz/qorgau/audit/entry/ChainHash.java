package kz.qorgau.audit.entry;

import java.security.MessageDigest;
import java.util.Arrays;

/** A link of the {@link HashChain}: commits to its entry's leaf and every leaf before it. */
public record ChainHash(byte[] bytes) {

    public ChainHash {
        bytes = Sha256.requireDigest(bytes, "a chain hash");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Constant-time comparison. */
    public boolean matches(ChainHash other) {
        return other != null && MessageDigest.isEqual(bytes, other.bytes);
    }

    public String hex() {
        return Sha256.hex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainHash chain && matches(chain);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ChainHash[" + hex() + "]";
    }
}
