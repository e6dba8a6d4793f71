package kz.qorgau.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A capability in a link: {@code <id>.<expiry, Unix seconds>.<base64url HMAC-SHA256 of both>}. Whoever holds the
 * token may do the one thing its link is for with the one thing it names (a notice to acknowledge, a contact to
 * verify) until it expires; nothing else. Single use, if wanted, is the caller's (a row's state). Each purpose
 * has its own key, so a token of one cannot be used for another. Immutable and thread-safe.
 */
public final class SignedTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /**
     * @param key at least 256 bits
     * @param property where the key is configured, for the error message
     */
    public SignedTokens(byte[] key, String property) {
        if (key.length < 32) {
            throw new IllegalArgumentException(property + " needs 256 bits");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String sign(UUID id, Instant expires) {
        String payload = id + "." + expires.getEpochSecond();
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** What a token says, if it is well formed and its signature holds; expiry is the caller's to judge. */
    public Optional<Claim> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first < 0 || last <= first) {
            return Optional.empty();
        }
        String payload = token.substring(0, last);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(last + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(token.substring(0, first));
            Instant expires = Instant.ofEpochSecond(Long.parseLong(token.substring(first + 1, last)));
            return Optional.of(new Claim(id, expires));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** What a genuine token names, and until when. */
    public record Claim(UUID id, Instant expires) {

        /** Whether the token has expired at {@code now}. */
        public boolean expiredAt(Instant now) {
            return !now.isBefore(expires);
        }
    }
}
