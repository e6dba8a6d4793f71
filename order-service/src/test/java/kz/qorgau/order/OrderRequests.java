package kz.qorgau.order;

import java.util.concurrent.atomic.AtomicInteger;

/** Request bodies for tests: valid orders with made-up (but checksum-valid) people. */
public final class OrderRequests {

    public static final String OFFENDER_IIN = "850703300127";
    public static final String VICTIM_IIN = "900101401238";
    public static final String VICTIM_PHONE = "+77011234567";
    public static final String VICTIM_EMAIL = "aigerim.akhmetova@example.kz";

    private static final AtomicInteger UNITS = new AtomicInteger();

    private OrderRequests() {}

    /** The district of the demo personas officer-a and supervisor-a. */
    public static final String DISTRICT = "ALM-BOSTANDYK";

    /** A valid order in {@link #DISTRICT}; {@code unit} varies a field so that bodies differ. */
    public static String valid(String policeUnit) {
        return valid(policeUnit, DISTRICT);
    }

    /** A valid order in {@code district}. */
    public static String valid(String policeUnit, String district) {
        return """
                {
                  "offender": {"iin": "%s", "lastName": "Ахметов", "firstName": "Ерлан", "patronymic": "Серикович"},
                  "victim": {
                    "iin": "%s", "lastName": "Ахметова", "firstName": "Айгерим",
                    "contacts": [
                      {"channel": "SMS", "address": "%s", "preferredLanguage": "kk"},
                      {"channel": "EMAIL", "address": "%s", "preferredLanguage": "ru"}
                    ]
                  },
                  "prohibitions": ["DOMESTIC_VIOLENCE", "CONTACTING_VICTIM"],
                  "policeUnit": "%s",
                  "district": "%s"
                }
                """
                .formatted(OFFENDER_IIN, VICTIM_IIN, VICTIM_PHONE, VICTIM_EMAIL, policeUnit, district);
    }

    private static final AtomicInteger PEOPLE = new AtomicInteger((int) (System.nanoTime() % 9000));

    /**
     * A checksum-valid IIN no other call returned in this JVM (and unlikely in an earlier run): a man
     * born on {@code yymmdd} in the 20th century ({@code century} '3') or the 21st ('5').
     */
    public static String uniqueIin(String yymmdd, char century) {
        while (true) {
            String prefix = yymmdd + century + "%04d".formatted(PEOPLE.incrementAndGet() % 10_000);
            for (int check = 0; check <= 9; check++) {
                if (kz.qorgau.order.protectiveorder.Iin.isValid(prefix + check)) {
                    return prefix + check;
                }
            }
        }
    }

    /** A valid order in {@link #DISTRICT} against the offender with {@code offenderIin}. */
    public static String against(String offenderIin) {
        return valid().replace(OFFENDER_IIN, offenderIin);
    }

    /** A person check (version 2) of {@code iin} as {@code checkedAs} (OFFENDER or PROTECTED_PERSON). */
    public static String personCheck(String iin, String checkedAs) {
        return "{\"iin\": \"" + iin + "\", \"checkedAs\": \"" + checkedAs
                + "\", \"purpose\": \"Call-out 102-2026-004517\"}";
    }

    /** A person check of the offender of {@link #valid()}'s orders. */
    public static String offenderCheck() {
        return personCheck(OFFENDER_IIN, "OFFENDER");
    }

    /** A person's history of the offender of {@link #valid()}'s orders, with a purpose. */
    public static String personHistory() {
        return "{\"iin\": \"" + OFFENDER_IIN + "\", \"purpose\": \"Risk review 7510-26-00-4/1234\"}";
    }

    /** A valid order with a police unit no other call returned. */
    public static String valid() {
        return valid("ALM-BOSTANDYK-UP-" + UNITS.incrementAndGet());
    }
}
