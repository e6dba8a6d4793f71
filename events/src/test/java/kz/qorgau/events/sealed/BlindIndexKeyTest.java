package kz.qorgau.events.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BlindIndexKeyTest {

    private static final String KEY = "HsS5ifxozS0Kz/YjjRfz6+NCxWcMLx9iDVKPlEJYvbs=";

    @Test
    void theIndexIsTheHmacOfDomainZeroValueAsOrderServiceStoredItBeforeItWasShared() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(KEY), "HmacSHA256"));
        mac.update("qorgau.iin-blind-index.v1\0".getBytes(StandardCharsets.US_ASCII));
        byte[] before = mac.doFinal("900101401238".getBytes(StandardCharsets.US_ASCII));

        BlindIndexKey key = new BlindIndexKey(KEY, "k");

        assertThat(key.index("qorgau.iin-blind-index.v1", "900101401238")).isEqualTo(before);
        assertThat(key.index("another-domain", "900101401238")).isNotEqualTo(before);
        assertThat(key.derive("a")).hasSize(32).isNotEqualTo(key.derive("b"));
        assertThat(key.toString()).doesNotContain(KEY);
    }

    @Test
    void aShortOrMalformedKeyIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> new BlindIndexKey("c2hvcnQ=", "qorgau.x"))
                .hasMessage("qorgau.x must hold at least 256 bits");
        assertThatThrownBy(() -> new BlindIndexKey("not base64!", "qorgau.x"))
                .hasMessage("qorgau.x is not valid base64");
    }
}
