package kz.qorgau.auditlog;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Ed25519 keys of C2SP signed notes (c2sp.org/signed-note): a key is named, and identified in a
 * signature by its key ID, SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4]. Keys are written as Go's
 * {@code golang.org/x/mod/sumdb/note} writes them, so its tools can make and read them:
 * {@code PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 ‖ 32-byte seed)} and the verifier key
 * {@code <name>+<hex key ID>+base64(0x01 ‖ 32-byte public key)}.
 */
final class NoteKeys {

    static final byte ED25519 = 0x01;
    private static final Pattern NAME = Pattern.compile("[^\\s+\\p{Cntrl}]+");
    /** An X.509 SubjectPublicKeyInfo of an Ed25519 key, up to the 32 key bytes (RFC 8410). */
    private static final byte[] SPKI_PREFIX = new BigInteger("302a300506032b6570032100", 16).toByteArray();

    private NoteKeys() {}

    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
        }
        return name;
    }

    static int keyId(String name, byte[] publicKey) {
        byte[] hash = TreeHash.digest(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', ED25519}, publicKey);
        return (hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8 | (hash[3] & 0xff);
    }

    /** The key pair whose seed is {@code seed}: the JDK derives it from the "random" bytes it draws. */
    static java.security.KeyPair fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK must provide Ed25519", e);
        }
    }

    static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static PublicKey publicKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static PrivateKey privateKey(java.security.KeyPair pair) {
        return pair.getPrivate();
    }

    /** Hands out the seed once, as the key generator's only draw. */
    private static final class SeedRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;
        private final transient byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the key generator drew " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
