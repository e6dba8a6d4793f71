package kz.qorgau.events;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Field checks shared by the event records; failures name the type and field, never the value. */
final class Checks {

    static final int MAX_CODE_LENGTH = 64;

    /** Kept in step with the "code" pattern in the JSON schemas. */
    static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");

    private Checks() {}

    static <T> T required(String type, String field, T value) {
        if (value == null) {
            throw new EventContractException(type, field, "is required");
        }
        return value;
    }

    static String text(String type, String field, String value, int maxLength) {
        required(type, field, value);
        if (value.isBlank()) {
            throw new EventContractException(type, field, "must not be blank");
        }
        if (value.length() > maxLength) {
            throw new EventContractException(type, field, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** {@code null}, or text as {@link #text} demands. */
    static String optionalText(String type, String field, String value, int maxLength) {
        return value == null ? null : text(type, field, value, maxLength);
    }

    static String uuid(String type, String field, String value) {
        required(type, field, value);
        try {
            // Round-tripping rejects the lenient short forms UUID.fromString accepts (e.g. "1-1-1-1-1").
            if (!UUID.fromString(value).toString().equals(value.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new EventContractException(type, field, "must be a UUID");
        }
        return value;
    }

    /**
     * A measure's own id, and the protective order it concerns if any: the order id is the subject when
     * present, the measure's id otherwise (both UUID strings).
     */
    static void measureLink(String type, String orderId, String idField, String id) {
        if (orderId != null) {
            uuid(type, "orderId", orderId);
        }
        uuid(type, idField, id);
    }

    /** Upper-case machine code ({@code DUTY_UNIT}, {@code SMTP_REJECTED}): no room for free text. */
    static String code(String type, String field, String value) {
        required(type, field, value);
        if (!CODE.matcher(value).matches()) {
            throw new EventContractException(type, field, "must match " + CODE.pattern());
        }
        return value;
    }

    /** {@code earlier} must not be after {@code later}: what happened cannot have happened after it was entered. */
    static void notAfter(String type, String field, Instant earlier, String laterField, Instant later) {
        if (earlier != null && later != null && earlier.isAfter(later)) {
            throw new EventContractException(type, field, "must not be after " + laterField);
        }
    }

    /** {@code value} must be strictly after {@code other}. */
    static void after(String type, String field, Instant value, String otherField, Instant other) {
        if (value != null && other != null && !value.isAfter(other)) {
            throw new EventContractException(type, field, "must be after " + otherField);
        }
    }

    /** A field that belongs to one case only: present exactly when {@code expected}. */
    static void presentExactlyWhen(String type, String field, Object value, boolean expected) {
        if (expected && value == null) {
            throw new EventContractException(type, field, "is required for this change");
        }
        if (!expected && value != null) {
            throw new EventContractException(type, field, "must be absent for this change");
        }
    }

    static int positive(String type, String field, int value) {
        if (value < 1) {
            throw new EventContractException(type, field, "must be at least 1");
        }
        return value;
    }

    static int notNegative(String type, String field, int value) {
        if (value < 0) {
            throw new EventContractException(type, field, "must not be negative");
        }
        return value;
    }

    static <T> List<T> nonEmptyDistinct(String type, String field, List<T> values) {
        required(type, field, values);
        if (values.isEmpty()) {
            throw new EventContractException(type, field, "must not be empty");
        }
        return distinct(type, field, values);
    }

    /** A list that may be empty but holds no {@code null} and no duplicates, copied. */
    static <T> List<T> distinct(String type, String field, List<T> values) {
        required(type, field, values);
        for (T value : values) {
            // A loop, not contains(null): immutable lists throw NullPointerException on contains(null).
            if (value == null) {
                throw new EventContractException(type, field, "must not contain null");
            }
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new EventContractException(type, field, "must not contain duplicates");
        }
        return List.copyOf(values);
    }
}
