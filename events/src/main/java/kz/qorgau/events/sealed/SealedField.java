package kz.qorgau.events.sealed;

/**
 * An encrypted value inside an event: the only way personal data may travel. Only services holding
 * the key ring can open it; everyone else (audit-service, the DLT, Kafka itself) sees ciphertext.
 *
 * @param keyId which key of the ring sealed it, so keys can rotate without re-encrypting old events
 * @param algorithm {@value #AES_256_GCM}
 * @param nonce base64 of the 96-bit GCM nonce
 * @param ciphertext base64 of the ciphertext followed by the 128-bit GCM tag
 */
public record SealedField(String keyId, String algorithm, String nonce, String ciphertext) {

    /** The only algorithm so far. */
    public static final String AES_256_GCM = "AES-256-GCM";

    public SealedField {
        require("keyId", keyId);
        require("algorithm", algorithm);
        require("nonce", nonce);
        require("ciphertext", ciphertext);
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new SealedFieldException(SealedFieldException.Reason.MALFORMED, field + " is required");
        }
    }
}
