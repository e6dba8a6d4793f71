package kz.qorgau.order.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * HMAC-SHA256, under a key of the service's own, of an operation and the canonical JSON of its parsed
 * request: properties sorted by name, no insignificant whitespace. Two bodies that differ only in
 * formatting or property order have the same fingerprint; any difference in a value (or in list order,
 * which carries meaning) changes it.
 *
 * <p>Keyed because the body is full of personal data (names, IINs, phone numbers) and the fingerprint is
 * kept for a day: a plain hash would let anyone holding a copy of the table confirm a guessed body. The
 * key is derived from the at-rest blind index key ({@link #KEY_LABEL}), so it is as secret as that key
 * and follows its policy (docs/adr/0015).
 */
public final class RequestFingerprint {

    /** What the fingerprint key is derived for, from the blind index key (HKDF-Expand's {@code info}). */
    public static final String KEY_LABEL = "qorgau idempotency fingerprint v1";

    /** Stored beside a fingerprint: how it was made. */
    static final String SCHEME = "hmac-sha256";

    /** Fingerprints stored before they were keyed (plain SHA-256), recognised until their rows expire (24 h). */
    static final String LEGACY_SCHEME = "sha256";

    private static final String HMAC = "HmacSHA256";

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final SecretKeySpec key;

    /** @param key at least 256 bits; see {@link #KEY_LABEL} */
    public RequestFingerprint(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The idempotency fingerprint key must hold at least 256 bits");
        }
        this.key = new SecretKeySpec(key, HMAC);
    }

    /**
     * @param operation names what the key is used for (e.g. {@code POST /api/v1/orders}), so one key
     *     reused for another operation never matches
     * @param request the parsed request body
     * @return 64 lower-case hex digits
     */
    public String of(String operation, Object request) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(operation.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(CANONICAL.writeValueAsBytes(request));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /**
     * The plain SHA-256 fingerprint stored before fingerprints were keyed, only to recognise the retry of a request
     * whose key was stored before the upgrade (rows live {@code qorgau.idempotency.ttl}). Never stored.
     */
    static String legacy(String operation, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(operation.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(CANONICAL.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "RequestFingerprint[" + SCHEME + "]";
    }
}
