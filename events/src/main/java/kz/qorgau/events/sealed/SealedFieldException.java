package kz.qorgau.events.sealed;

/** A field could not be sealed or opened; {@link #reason()} says why. Never carries plaintext. */
public class SealedFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why sealing or opening failed. */
    public enum Reason {
        /** The field names a key id that is not in the key ring (retired, or from another environment). */
        UNKNOWN_KEY,
        /** The field names an algorithm this version cannot open. */
        UNSUPPORTED_ALGORITHM,
        /** Not valid base64, wrong nonce length, too short to hold a tag, or a missing part. */
        MALFORMED,
        /**
         * GCM authentication failed: the ciphertext, tag, nonce or key id was modified, or the associated
         * data (the order the field was bound to) differs. GCM cannot tell these apart, by design.
         */
        AUTHENTICATION_FAILED,
        /** The key ring is unusable (wrong key size, active key missing) or the JDK lacks AES-GCM. */
        INVALID_KEY_RING,
        /** The plaintext could not be converted to or from JSON. */
        INVALID_PLAINTEXT
    }

    private final Reason reason;

    public SealedFieldException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SealedFieldException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
