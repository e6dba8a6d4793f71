package kz.qorgau.bench;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Valid Kazakh IINs for load ({@code YYMMDD C NNNN K}, check digit as order-service's Iin computes it),
 * drawn from a seeded generator so a run can be repeated. None is a real person's by intent: the
 * registration numbers are random.
 */
final class TestIins {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private final SplittableRandom random;

    TestIins(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next valid IIN of someone born between 1950 and 2009. */
    synchronized String next() {
        while (true) {
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(60 * 365));
            int century = birth.getYear() >= 2000 ? 5 : 3;
            String eleven = "%02d%02d%02d%d%04d"
                    .formatted(
                            birth.getYear() % 100,
                            birth.getMonthValue(),
                            birth.getDayOfMonth(),
                            century + random.nextInt(2),
                            random.nextInt(10_000));
            int check = checkDigit(eleven);
            if (check != 10) {
                return eleven + check;
            }
        }
    }

    static int checkDigit(String digits) {
        int first = weighted(digits, FIRST_WEIGHTS) % 11;
        return first != 10 ? first : weighted(digits, SECOND_WEIGHTS) % 11;
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
