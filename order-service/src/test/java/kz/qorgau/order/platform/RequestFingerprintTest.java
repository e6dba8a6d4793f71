package kz.qorgau.order.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kz.qorgau.order.platform.idempotency.RequestFingerprint;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    record Body(String b, String a, List<String> items, Map<String, String> extra) {}

    private static final RequestFingerprint FINGERPRINTS = new RequestFingerprint(key('k'));

    @Test
    void isTheSameForTheSameContentAndDiffersForAnyOtherValue() {
        String fingerprint = FINGERPRINTS.of("POST /x", new Body("1", "2", List.of("p", "q"), Map.of("k", "v")));

        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(FINGERPRINTS.of("POST /x", new Body("1", "2", List.of("p", "q"), Map.of("k", "v"))))
                .isEqualTo(fingerprint);
        assertThat(FINGERPRINTS.of("POST /x", new Body("1", "3", List.of("p", "q"), Map.of("k", "v"))))
                .isNotEqualTo(fingerprint);
        // List order carries meaning (the victim's preferred contact comes first).
        assertThat(FINGERPRINTS.of("POST /x", new Body("1", "2", List.of("q", "p"), Map.of("k", "v"))))
                .isNotEqualTo(fingerprint);
        assertThat(FINGERPRINTS.of("POST /x", new Body("1", "2", List.of("p", "q"), Map.of())))
                .isNotEqualTo(fingerprint);
        // The same body for another operation is another request.
        assertThat(FINGERPRINTS.of("POST /y", new Body("1", "2", List.of("p", "q"), Map.of("k", "v"))))
                .isNotEqualTo(fingerprint);
    }

    @Test
    void isKeyedSoNobodyWithoutTheKeyCanConfirmAGuessedBody() {
        Body body = new Body("1", "2", List.of("p", "q"), Map.of("k", "v"));

        assertThat(new RequestFingerprint(key('o')).of("POST /x", body)).isNotEqualTo(FINGERPRINTS.of("POST /x", body));
        assertThat(FINGERPRINTS.of("POST /x", body))
                .as("not SHA-256 of the operation and the canonical body")
                .isNotEqualTo(
                        sha256("POST /x\0{\"a\":\"2\",\"b\":\"1\",\"extra\":{\"k\":\"v\"},\"items\":[\"p\",\"q\"]}"));
    }

    private static byte[] key(char fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
