package kz.qorgau.audit.entry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 from the JDK; every Java runtime must provide it. */
final class Sha256 {

    static final int LENGTH = 32;

    private Sha256() {}

    /** SHA-256 of the concatenation of {@code parts}. */
    static byte[] digest(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK must provide SHA-256", e);
        }
    }

    static byte[] requireDigest(byte[] bytes, String what) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException(what + " must be 32 bytes");
        }
        return bytes.clone();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
