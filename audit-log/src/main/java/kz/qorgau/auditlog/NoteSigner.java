package kz.qorgau.auditlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs note texts with one named Ed25519 key (c2sp.org/signed-note). Made from a secret key in the
 * form of Go's {@code note.GenerateKey}: {@code PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 ‖ seed)}.
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final KeyPair keys;
    private final byte[] publicKey;
    private final int keyId;

    private NoteSigner(String name, byte[] seed) {
        this.name = NoteKeys.requireName(name);
        this.keys = NoteKeys.fromSeed(seed);
        this.publicKey = NoteKeys.rawPublicKey(keys.getPublic());
        this.keyId = NoteKeys.keyId(name, publicKey);
    }

    /** A signer from its 32-byte Ed25519 seed. */
    public static NoteSigner of(String name, byte[] seed) {
        return new NoteSigner(name, seed);
    }

    /**
     * A new key of this name, from {@code random}, as its secret key string ({@code PRIVATE+KEY+…}): what an
     * operator stores in a secret and gives the service.
     */
    public static String generate(String name, SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return secretKey(name, seed);
    }

    /** The secret key string of {@code name} with this 32-byte seed. */
    public static String secretKey(String name, byte[] seed) {
        byte[] typed = new byte[33];
        typed[0] = NoteKeys.ED25519;
        System.arraycopy(seed, 0, typed, 1, 32);
        return PREFIX + name + "+" + new NoteSigner(name, seed).keyIdHex() + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    /**
     * A signer from a secret key string. Its key ID must match the name and key.
     *
     * @throws IllegalArgumentException when it is malformed; the message never holds key material
     */
    public static NoteSigner parse(String secretKey) {
        String key = secretKey == null ? "" : secretKey.strip();
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a signing key starts with PRIVATE+KEY+");
        }
        String[] parts = key.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a signing key is PRIVATE+KEY+<name>+<key id>+<key>");
        }
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signing key's key is base64");
        }
        if (encoded.length != 33 || encoded[0] != NoteKeys.ED25519) {
            throw new IllegalArgumentException("a signing key is an Ed25519 key (type 1, 32 bytes)");
        }
        NoteSigner signer = new NoteSigner(parts[0], java.util.Arrays.copyOfRange(encoded, 1, 33));
        if (!parts[1].equals(signer.keyIdHex())) {
            throw new IllegalArgumentException("the signing key's key id does not match its name and key");
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    /** The 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String keyIdHex() {
        return HexFormat.of().toHexDigits(keyId);
    }

    /** The verifier key that checks this signer's signatures: {@code <name>+<key id>+base64(0x01 ‖ key)}. */
    public String verifierKey() {
        byte[] typed = new byte[33];
        typed[0] = NoteKeys.ED25519;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The signed note: {@code text}, a blank line, and this key's signature line. */
    public String sign(String text) {
        SignedNote.requireText(text);
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(keys.getPrivate());
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            byte[] signature = ed25519.sign();
            byte[] line = new byte[4 + signature.length];
            line[0] = (byte) (keyId >>> 24);
            line[1] = (byte) (keyId >>> 16);
            line[2] = (byte) (keyId >>> 8);
            line[3] = (byte) keyId;
            System.arraycopy(signature, 0, line, 4, signature.length);
            return text + "\n" + SignedNote.SIGNATURE_START + name + " "
                    + Base64.getEncoder().encodeToString(line) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK must provide Ed25519", e);
        }
    }

    @Override
    public String toString() {
        return "NoteSigner[" + name + "+" + keyIdHex() + "]";
    }
}
