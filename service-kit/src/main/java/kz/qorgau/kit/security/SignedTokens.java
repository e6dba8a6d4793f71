package kz.qorgau.notification.acknowledgement;

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
 * The acknowledgement link's token: {@code <notice id>.<expiry, Unix seconds>.<base64url HMAC-SHA256 of both>}.
 * Anyone holding it may acknowledge that one notice until it expires; nothing else. Single use is the notice
 * row's (acknowledged once).
 */
final class AcknowledgementTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    AcknowledgementTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("qorgau.notification.acknowledgement.key needs 256 bits");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    String sign(UUID noticeId, Instant expires) {
        String payload = noticeId + "." + expires.getEpochSecond();
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** What a token says, if it is well formed and its signature holds; expiry is the caller's to judge. */
    Optional<Claim> verify(String token) {
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
            UUID noticeId = UUID.fromString(token.substring(0, first));
            Instant expires = Instant.ofEpochSecond(Long.parseLong(token.substring(first + 1, last)));
            return Optional.of(new Claim(noticeId, expires));
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

    record Claim(UUID noticeId, Instant expires) {}
}
