package kz.qorgau.order.protectiveorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import kz.qorgau.order.protectiveorder.Iin.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IinTest {

    @ParameterizedTest(name = "{0} is valid ({1})")
    @CsvSource({
        "850703300127, 1985-07-03",
        "900101401238, 1990-01-01",
        "921203456783, 1992-12-03",
        // 2000 is a leap year (divisible by 400), 2088 too.
        "000229500127, 2000-02-29",
        "880229500119, 2088-02-29",
        "050715600025, 2005-07-15",
        // Check digit 0.
        "870512400010, 1987-05-12",
        // The first weighted sum is 10, so the check digit comes from the second weights (3..11, 1, 2).
        "850703300903, 1985-07-03",
        // 19th-century century digits 1 and 2 are part of the scheme.
        "991231100010, 1899-12-31",
    })
    void acceptsValidNumbers(String iin, LocalDate birthDate) {
        assertThat(Iin.check(iin)).isEmpty();
        assertThat(Iin.isValid(iin)).isTrue();
        assertThat(Iin.birthDate(iin)).contains(birthDate);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "850703300128", // last digit off by one
                "850703300120",
                "580703300127", // two digits swapped
                "850703300227", // one registration digit changed
                "900101401230",
            })
    void rejectsAWrongCheckDigit(String iin) {
        assertThat(Iin.check(iin)).contains(Problem.WRONG_CHECKSUM);
    }

    @Test
    void rejectsNumbersForWhichNoCheckDigitExists() {
        // Both weighted sums are 10 for these 11 digits: such numbers are never issued, whatever the last digit.
        for (int last = 0; last <= 9; last++) {
            assertThat(Iin.check("85070330099" + last)).as("last digit " + last).contains(Problem.WRONG_CHECKSUM);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "990230300114", // 30 February
                "000000300000", // month 0, day 0
                "001301300004", // month 13
                "000132300007", // 32 January
                "010229300003", // 29 February 1901, not a leap year
                "000229300003", // 29 February 1900, not a leap year (divisible by 100, not by 400)
                "000431300008", // 31 April
            })
    void rejectsBirthDatesThatDoNotExist(String iin) {
        assertThat(Iin.check(iin)).contains(Problem.IMPOSSIBLE_BIRTH_DATE);
    }

    @ParameterizedTest(name = "century digit {0}")
    @ValueSource(strings = {"0", "7", "8", "9"})
    void rejectsCenturyDigitsThatAreNotIssued(String centuryDigit) {
        String digits = "850703" + centuryDigit + "0012";
        String iin = digits + Iin.checkDigit(digits);
        assertThat(Iin.check(iin)).contains(Problem.UNKNOWN_CENTURY);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "85070330012", // 11 digits
                "8507033001270", // 13 digits
                "85070330012A",
                "8507033001 7",
                " 850703300127",
                "850703300127 ",
                "85070-300127",
                "+85070330012",
                "８５０７０３３００１２７", // full-width digits
                "٨٥٠٧٠٣٣٠٠١٢٧", // Arabic-Indic digits
            })
    void rejectsAnythingButTwelveAsciiDigits(String value) {
        assertThat(Iin.check(value)).contains(Problem.NOT_TWELVE_DIGITS);
    }

    /**
     * Property over 20,000 random numbers (fixed seed, so a failure reproduces): a number built from an
     * existing date, an issued century digit and the documented check digit is valid, and changing its
     * check digit makes it invalid.
     */
    @Test
    void everyCorrectlyBuiltNumberIsValidAndNoOtherCheckDigitIs() {
        Random random = new Random(20260302L);
        LocalDate first = LocalDate.of(1800, 1, 1);
        int days = (int) (LocalDate.of(2099, 12, 31).toEpochDay() - first.toEpochDay());
        int checked = 0;
        while (checked < 20_000) {
            LocalDate birth = first.plusDays(random.nextInt(days + 1));
            int centuryDigit = (birth.getYear() / 100 - 18) * 2 + 1 + random.nextInt(2);
            String digits = "%02d%02d%02d%d%04d"
                    .formatted(
                            birth.getYear() % 100,
                            birth.getMonthValue(),
                            birth.getDayOfMonth(),
                            centuryDigit,
                            random.nextInt(10_000));
            int check = Iin.checkDigit(digits);
            if (check == 10) {
                for (int last = 0; last <= 9; last++) {
                    assertThat(Iin.isValid(digits + last)).as(digits + last).isFalse();
                }
                continue;
            }
            assertThat(Iin.check(digits + check)).as(digits + check).isEqualTo(Optional.empty());
            assertThat(Iin.birthDate(digits + check)).contains(birth);
            for (int other = 0; other <= 9; other++) {
                if (other != check) {
                    assertThat(Iin.check(digits + other)).as(digits + other).contains(Problem.WRONG_CHECKSUM);
                }
            }
            checked++;
        }
    }

    @Test
    void problemsNeverContainTheValue() {
        for (Problem problem : Problem.values()) {
            assertThat(problem.message()).doesNotContainPattern("\\d{6}");
        }
    }
}
