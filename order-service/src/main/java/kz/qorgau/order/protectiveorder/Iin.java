package kz.qorgau.order.protectiveorder;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Kazakhstan's individual identification number (IIN, ЖСН/ИИН): 12 digits {@code YYMMDD C NNNN K}.
 *
 * <ul>
 *   <li>{@code YYMMDD}: the birth date;
 *   <li>{@code C}: century and sex: 1/2 born in the 1800s, 3/4 in the 1900s, 5/6 in the 2000s (odd male, even
 *       female); any other digit is not issued;
 *   <li>{@code NNNN}: registration number;
 *   <li>{@code K}: check digit: the sum of the first 11 digits weighted 1..11, mod 11; if that is 10, the sum
 *       weighted 3..11,1,2, mod 11; if that is 10 again, no IIN is issued with these 11 digits.
 * </ul>
 *
 * <p>An IIN is personal data: nothing here ever puts the value into a message.
 */
public final class Iin {

    /** Why a value is not an IIN; names the rule, never the value. */
    public enum Problem {
        NOT_TWELVE_DIGITS("must be exactly 12 digits"),
        UNKNOWN_CENTURY("has an invalid 7th digit (century and sex must be 1 to 6)"),
        IMPOSSIBLE_BIRTH_DATE("has a birth date (first 6 digits) that does not exist"),
        WRONG_CHECKSUM("has a wrong check digit");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        /** A sentence fragment for API errors, e.g. "must be exactly 12 digits". */
        public String message() {
            return message;
        }
    }

    private static final int LENGTH = 12;
    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
    private static final int NO_CHECK_DIGIT = 10;

    private Iin() {}

    /** What is wrong with {@code value} as an IIN, or empty when it is a valid IIN. */
    public static Optional<Problem> check(String value) {
        if (value == null || value.length() != LENGTH || !isAsciiDigits(value)) {
            return Optional.of(Problem.NOT_TWELVE_DIGITS);
        }
        if (birthDate(value).isEmpty()) {
            return Optional.of(century(value) == 0 ? Problem.UNKNOWN_CENTURY : Problem.IMPOSSIBLE_BIRTH_DATE);
        }
        int expected = checkDigit(value);
        if (expected == NO_CHECK_DIGIT || expected != digit(value, 11)) {
            return Optional.of(Problem.WRONG_CHECKSUM);
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    /**
     * The check digit for the first 11 digits of {@code digits}, or 10 when no check digit exists (such
     * numbers are never issued). {@code digits} must hold at least 11 ASCII digits.
     */
    static int checkDigit(String digits) {
        int first = weightedSum(digits, FIRST_WEIGHTS) % 11;
        if (first != NO_CHECK_DIGIT) {
            return first;
        }
        return weightedSum(digits, SECOND_WEIGHTS) % 11;
    }

    /** The birth date the IIN encodes, if its century digit and date exist. */
    public static Optional<LocalDate> birthDate(String digits) {
        int century = century(digits);
        if (century == 0) {
            return Optional.empty();
        }
        int year = century + digit(digits, 0) * 10 + digit(digits, 1);
        int month = digit(digits, 2) * 10 + digit(digits, 3);
        int day = digit(digits, 4) * 10 + digit(digits, 5);
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** 1800, 1900 or 2000 from the 7th digit, or 0 for a digit that is not issued. */
    private static int century(String digits) {
        return switch (digit(digits, 6)) {
            case 1, 2 -> 1800;
            case 3, 4 -> 1900;
            case 5, 6 -> 2000;
            default -> 0;
        };
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(digits, i) * weights[i];
        }
        return sum;
    }

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    // Character.isDigit would accept non-ASCII digits such as Arabic-Indic ones.
    private static boolean isAsciiDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
