package kz.qorgau.infrastructure.postgres;

import java.util.regex.Pattern;

/** Database and role names we accept: lower-case SQL identifiers of at most 63 bytes. */
final class DatabaseNames {

    static final int MAX_LENGTH = 63;
    private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseNames() {}

    static String requireValid(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid database or role name (use 1 to 63 characters a-z, 0-9"
                    + " and _, not starting with a digit): " + name);
        }
        if (name.startsWith("pg_")) {
            throw new IllegalArgumentException("Names starting with pg_ are reserved by PostgreSQL: " + name);
        }
        return name;
    }

    /** Lower-case, anything but a-z, 0-9 and _ replaced by _, at most {@code maxLength} characters. */
    static String sanitize(String text, int maxLength) {
        String cleaned =
                text == null ? "" : text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        cleaned = cleaned.replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (cleaned.length() > maxLength) {
            cleaned = cleaned.substring(0, maxLength).replaceAll("_$", "");
        }
        return cleaned.isEmpty() ? "db" : cleaned;
    }
}
