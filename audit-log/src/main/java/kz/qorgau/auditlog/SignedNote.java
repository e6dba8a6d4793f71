package kz.qorgau.auditlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and signature
 * lines {@code — <key name> base64(key ID ‖ signature)}. Signatures of unknown keys are ignored (a
 * witness may add its own); a known key's signature that fails rejects the note.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** Em dash and space: how every signature line starts. */
    static final String SIGNATURE_START = "\u2014 ";

    /** Notes longer than this are refused before any parsing. */
    static final int MAX_LENGTH = 64 * 1024;

    private static final int MAX_SIGNATURES = 100;

    public SignedNote {
        requireText(text);
        signatures = List.copyOf(signatures);
    }

    /** One signature line. */
    public record NoteSignature(String name, int keyId, byte[] signature) {}

    /**
     * Reads a signed note.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static SignedNote parse(String note) {
        if (note == null || note.length() > MAX_LENGTH || !note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note ends with a newline and is at most 64 KiB");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note has a blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
            signatures.add(signatureLine(line));
        }
        if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a signed note has 1 to " + MAX_SIGNATURES + " signatures");
        }
        return new SignedNote(text, signatures);
    }

    /**
     * The note's text, if it verifies against {@code verifiers}: at least one known key's signature, and
     * none of a known key that fails.
     */
    public Optional<String> verifiedText(Collection<NoteVerifier> verifiers) {
        boolean verified = false;
        for (NoteSignature signature : signatures) {
            for (NoteVerifier verifier : verifiers) {
                if (verifier.signed(signature)) {
                    if (!verifier.verifies(text, signature)) {
                        return Optional.empty();
                    }
                    verified = true;
                }
            }
        }
        return verified ? Optional.of(text) : Optional.empty();
    }

    static String requireText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n") || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a note text is non-empty and ends with a newline");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n') || text.endsWith("\n\n")) {
            throw new IllegalArgumentException(
                    "a note text holds no control characters and does not end in a blank line");
        }
        return text;
    }

    private static NoteSignature signatureLine(String line) {
        if (!line.startsWith(SIGNATURE_START)) {
            throw new IllegalArgumentException("a signature line starts with an em dash and a space");
        }
        String[] parts = line.substring(SIGNATURE_START.length()).split(" ", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a signature line is '— <name> <signature>'");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signature is base64");
        }
        if (decoded.length < 5) {
            throw new IllegalArgumentException("a signature holds a key ID and a signature");
        }
        int keyId =
                (decoded[0] & 0xff) << 24 | (decoded[1] & 0xff) << 16 | (decoded[2] & 0xff) << 8 | (decoded[3] & 0xff);
        return new NoteSignature(NoteKeys.requireName(parts[0]), keyId, Arrays.copyOfRange(decoded, 4, decoded.length));
    }
}
