package kz.qorgau.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a dispatch webhook's receiver checks: {@code v1=} and the hex HMAC-SHA256, under the shared
 * secret, of the timestamp (Unix seconds), a dot and the body's bytes. Signing the timestamp lets the
 * receiver refuse a replay (a timestamp older than its tolerance) as well as a forgery; the notice id header
 * lets it drop a repeat within the tolerance.
 */
public final class WebhookSignature {

    /** Header: Unix seconds when the request was signed. */
    public static final String TIMESTAMP_HEADER = "X-Qorgau-Timestamp";
    /** Header: {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static final String SIGNATURE_HEADER = "X-Qorgau-Signature";
    /** Header: the notice's id, the same on every attempt: the receiver's idempotency key. */
    public static final String NOTICE_HEADER = "X-Qorgau-Notice-Id";

    private final byte[] secret;

    public WebhookSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(long timestamp, byte[] body) {
        return "v1=" + HexFormat.of().formatHex(mac(timestamp, body));
    }

    /** What a receiver does: the signature matches and the timestamp is within {@code tolerance} of now. */
    public boolean verify(String timestamp, String signature, byte[] body, Instant now, Duration tolerance) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
        if (signature == null || Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(seconds, body).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
