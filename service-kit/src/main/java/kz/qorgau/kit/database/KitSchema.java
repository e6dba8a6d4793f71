package kz.qorgau.kit.database;

import java.util.regex.Pattern;

/**
 * The tables of one part of the kit (the outbox, the parking): their own Flyway migrations under {@code
 * location} and their own history table, so that the kit's version numbers never collide with a service's
 * and a service takes only the parts it uses. A kit part declares it as a bean; {@link KitMigrations} runs
 * it before the service's own migrations, so the service's migrations may use (and fill) the kit's tables.
 *
 * <p>Versions start at 1: a new history table on a schema that already holds the service's tables is
 * baselined at version 0 first.
 */
public record KitSchema(String name, String location, String historyTable) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public KitSchema {
        if (name == null || !NAME.matcher(name).matches()) {
            // It goes into Flyway's baseline description, which Flyway writes into SQL unquoted.
            throw new IllegalArgumentException("A kit schema's name is lower-case letters, digits and '-'");
        }
        if (location == null || !location.startsWith("classpath:db/kit/")) {
            throw new IllegalArgumentException(
                    "A kit schema's migrations live under classpath:db/kit/<part>, not " + location);
        }
        if (historyTable == null || !TABLE.matcher(historyTable).matches() || !historyTable.startsWith("kit_")) {
            throw new IllegalArgumentException(
                    "A kit schema's history table is a lower-case identifier starting kit_, not " + historyTable);
        }
    }
}
