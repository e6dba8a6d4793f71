package kz.qorgau.order.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerificationCodeTest {

    @Test
    void aCodeHas120RandomBitsIn24LettersAndDigitsNeverTheSameTwice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String text = VerificationCode.random().text();
            assertThat(text).matches("[A-Z2-7]{24}");
            assertThat(seen.add(text)).as("a repeated code").isTrue();
        }
        assertThat(VerificationCode.BITS).isGreaterThanOrEqualTo(96);
    }

    @Test
    void aCodeIsReadAsTypedFromPaperAndNothingElseIsACode() {
        VerificationCode code = VerificationCode.random();
        assertThat(code.grouped()).matches("([A-Z2-7]{4}-){5}[A-Z2-7]{4}");
        assertThat(VerificationCode.parse(code.grouped())).contains(code);
        assertThat(VerificationCode.parse(" " + code.grouped().toLowerCase().replace('-', ' ') + " "))
                .contains(code);
        assertThat(VerificationCode.parse("0I2O-ABCD-EFGH-IJKL-MNOP-QRST"))
                .map(VerificationCode::text)
                .contains("OI2OABCDEFGHIJKLMNOPQRST");

        assertThat(VerificationCode.parse(null)).isEmpty();
        assertThat(VerificationCode.parse("")).isEmpty();
        assertThat(VerificationCode.parse(code.text().substring(1)))
                .as("one letter short")
                .isEmpty();
        assertThat(VerificationCode.parse(code.text() + "A"))
                .as("one letter long")
                .isEmpty();
        assertThat(VerificationCode.parse("ABCD-EFGH-IJKL-MNOP-QRST-UVW8"))
                .as("8 is no base32 digit")
                .isEmpty();
        assertThat(VerificationCode.parse("' OR 1=1 --")).isEmpty();
        assertThat(VerificationCode.parse("A".repeat(65))).isEmpty();
    }

    @Test
    void onlyTheHashIsKeptAndTheCodeNeverReachesALogLine() {
        VerificationCode code = VerificationCode.random();
        assertThat(code.hash())
                .hasSize(32)
                .isEqualTo(VerificationCode.parse(code.grouped()).orElseThrow().hash());
        assertThat(code.toString()).doesNotContain(code.text());
    }
}
