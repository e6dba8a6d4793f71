package kz.qorgau.order.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kz.qorgau.order.platform.idempotency.RequestFingerprint;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    record Body(String b, String a, List<String> items, Map<String, String> extra) {}

    @Test
    void isTheSameForTheSameContentAndDiffersForAnyOtherValue() {
        String fingerprint = RequestFingerprint.of("POST /x", new Body("1", "2", List.of("p", "q"), Map.of("k", "v")));

        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(RequestFingerprint.of("POST /x", new Body("1", "2", List.of("p", "q"), Map.of("k", "v"))))
                .isEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("POST /x", new Body("1", "3", List.of("p", "q"), Map.of("k", "v"))))
                .isNotEqualTo(fingerprint);
        // List order carries meaning (the victim's preferred contact comes first).
        assertThat(RequestFingerprint.of("POST /x", new Body("1", "2", List.of("q", "p"), Map.of("k", "v"))))
                .isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("POST /x", new Body("1", "2", List.of("p", "q"), Map.of())))
                .isNotEqualTo(fingerprint);
        // The same body for another operation is another request.
        assertThat(RequestFingerprint.of("POST /y", new Body("1", "2", List.of("p", "q"), Map.of("k", "v"))))
                .isNotEqualTo(fingerprint);
    }
}
