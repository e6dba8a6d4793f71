package kz.qorgau.auditlog;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A tree head in the C2SP tlog-checkpoint note text: the origin, the tree size in decimal and the root
 * hash in base64, each on its own line (c2sp.org/tlog-checkpoint). No extension lines.
 */
public record Checkpoint(String origin, long size, byte[] root) {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        if (origin == null || origin.isEmpty() || !origin.codePoints().allMatch(c -> c > ' ' && c != '+')) {
            throw new IllegalArgumentException("an origin is non-empty, without spaces, '+' or control characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        if (root == null || root.length != TreeHash.SIZE) {
            throw new IllegalArgumentException("a root hash is 32 bytes");
        }
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The note text: what is signed. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /**
     * Reads a note text.
     *
     * @throws IllegalArgumentException when it is not a checkpoint of this form
     */
    public static Checkpoint parse(String text) {
        if (text == null || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != 3) {
            throw new IllegalArgumentException("a checkpoint has three lines: origin, size, root hash");
        }
        if (!DECIMAL.matcher(lines[1]).matches()) {
            throw new IllegalArgumentException("a checkpoint's size is a decimal number without leading zeros");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a checkpoint's root hash is base64");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
    }

    /**
     * The checkpoint of a signed note that one of {@code verifiers} signed (and none failed).
     *
     * @throws IllegalArgumentException when the note is malformed, not signed by a known key, or its
     *     text is not a checkpoint
     */
    public static Checkpoint verified(String signedNote, java.util.Collection<NoteVerifier> verifiers) {
        return parse(SignedNote.parse(signedNote)
                .verifiedText(verifiers)
                .orElseThrow(() -> new IllegalArgumentException("no known key's signature verifies")));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint checkpoint
                && origin.equals(checkpoint.origin)
                && size == checkpoint.size
                && TreeHash.same(root, checkpoint.root);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + Base64.getEncoder().encodeToString(root) + "]";
    }
}
