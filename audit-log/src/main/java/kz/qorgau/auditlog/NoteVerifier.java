package kz.qorgau.auditlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Checks the signatures of one named Ed25519 key, given as a verifier key (c2sp.org/signed-note). */
public final class NoteVerifier {

    private final String name;
    private final int keyId;
    private final PublicKey key;

    private NoteVerifier(String name, int keyId, PublicKey key) {
        this.name = name;
        this.keyId = keyId;
        this.key = key;
    }

    /**
     * Reads {@code <name>+<hex key ID>+base64(0x01 ‖ 32-byte public key)}.
     *
     * @throws IllegalArgumentException when it is malformed or its key ID does not match
     */
    public static NoteVerifier parse(String verifierKey) {
        String[] parts =
                verifierKey == null ? new String[0] : verifierKey.strip().split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("a verifier key is <name>+<8 hex digits>+<base64 key>");
        }
        String name = NoteKeys.requireName(parts[0]);
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a verifier key's key is base64");
        }
        if (typed.length != 33 || typed[0] != NoteKeys.ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys (type 1, 32 bytes) are supported");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        int keyId = NoteKeys.keyId(name, raw);
        if (keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new IllegalArgumentException("the verifier key's key id does not match its name and key");
        }
        return new NoteVerifier(name, keyId, NoteKeys.publicKey(raw));
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public String keyIdHex() {
        return HexFormat.of().toHexDigits(keyId);
    }

    /** Whether this is the key of {@code signature} (same name and key ID): only then must it verify. */
    boolean signed(SignedNote.NoteSignature signature) {
        return signature.name().equals(name) && signature.keyId() == keyId;
    }

    boolean verifies(String text, SignedNote.NoteSignature signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(signature.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
