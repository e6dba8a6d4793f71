package kz.qorgau.events;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A member of staff read a victim's personal data, checked a person, or used emergency access
 * ("break glass"). Published by order-service on {@code qorgau.access} for every such access, so
 * audit-service keeps it in its tamper-evident trail. It names who accessed what and why, never the
 * data read: no names, IINs, phones, e-mails or addresses of victims or offenders.
 *
 * <p><b>Subject and key.</b> The CloudEvents subject, {@code partitionkey} and Kafka key ({@link
 * #subject()}) are the {@link #orderId()} when the access concerns one order, so an order's accesses
 * stay in order with each other; otherwise (a person check, a grant for no one order) the {@link
 * #accessId()}. Both are UUID strings. {@code subjectseq} counts per producer and subject, as for
 * every type: an access to an order takes the next number of that order's sequence at order-service,
 * shared with the order's lifecycle events on {@code qorgau.orders}, so a reader of one of the two
 * topics sees rising numbers with gaps where the other topic's events fall. A subject that is an
 * access id has the one event 1.
 *
 * <p>The rules between the fields are checked here and stated in the JSON schema: a contacts read and
 * a break-glass read name their order; a person check names none and reports {@code matchedOrders};
 * the contacts read and both break-glass kinds state a {@code purpose}; the break-glass kinds carry
 * their {@link BreakGlass} grant and are always {@code requiresReview}.
 *
 * @param accessId this access's id (UUID string), unique per access; consumers may deduplicate on it
 * @param occurredAt when the access happened
 * @param kind what kind of access it was
 * @param actor who accessed, pseudonymously
 * @param orderId the order whose data were read (UUID string); required for {@link
 *     AccessKind#VICTIM_CONTACTS_READ} and {@link AccessKind#BREAK_GLASS_READ}, {@code null} for a
 *     {@link AccessKind#PERSON_CHECK}, optional for a {@link AccessKind#BREAK_GLASS_GRANTED}
 * @param orderDistrict the district code of that order, or {@code null}; only with an {@code orderId}
 * @param fields the names (not the values) of the personal-data fields disclosed, such as {@code
 *     victim.contacts}; may be empty, no duplicates
 * @param purpose the purpose the member of staff stated, 1 to {@value #MAX_TEXT_LENGTH} characters;
 *     required except for a person check. Staff are told not to name people in it
 * @param breakGlass the emergency grant; required for the break-glass kinds, {@code null} otherwise
 * @param matchedOrders for a person check, how many active orders matched; 0 for every other kind
 * @param requiresReview whether a supervisor must review this access; always {@code true} for the
 *     break-glass kinds
 */
public record AccessRecorded(
        String accessId,
        Instant occurredAt,
        AccessKind kind,
        Accessor actor,
        String orderId,
        String orderDistrict,
        List<String> fields,
        String purpose,
        BreakGlass breakGlass,
        int matchedOrders,
        boolean requiresReview)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.access.recorded.v1";

    /** Longest {@code purpose} and {@link BreakGlass#reason()}, in characters. */
    public static final int MAX_TEXT_LENGTH = 500;

    /**
     * A disclosed field's name: dotted lower-camel-case words such as {@code victim.contacts}, so no
     * free text (and no personal data) fits in. Kept in step with the JSON schema.
     */
    public static final Pattern FIELD_NAME = Pattern.compile("^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*){0,7}$");

    private static final int MAX_FIELD_NAME_LENGTH = 64;

    public AccessRecorded {
        Checks.uuid(TYPE, "accessId", accessId);
        Checks.required(TYPE, "occurredAt", occurredAt);
        Checks.required(TYPE, "kind", kind);
        Checks.required(TYPE, "actor", actor);
        fields = Checks.distinct(TYPE, "fields", fields);
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (field.length() > MAX_FIELD_NAME_LENGTH
                    || !FIELD_NAME.matcher(field).matches()) {
                throw new EventContractException(TYPE, "fields[" + i + "]", "must match " + FIELD_NAME.pattern());
            }
        }

        if (kind == AccessKind.PERSON_CHECK) {
            if (orderId != null) {
                throw new EventContractException(TYPE, "orderId", "must be null for " + kind);
            }
        } else if (kind != AccessKind.BREAK_GLASS_GRANTED) {
            Checks.required(TYPE, "orderId", orderId);
        }
        if (orderId != null) {
            Checks.uuid(TYPE, "orderId", orderId);
        } else if (orderDistrict != null) {
            throw new EventContractException(TYPE, "orderDistrict", "must be null without an orderId");
        }
        Checks.optionalText(TYPE, "orderDistrict", orderDistrict, Checks.MAX_CODE_LENGTH);

        if (kind != AccessKind.PERSON_CHECK) {
            Checks.required(TYPE, "purpose", purpose);
        }
        Checks.optionalText(TYPE, "purpose", purpose, MAX_TEXT_LENGTH);

        if (kind.isBreakGlass()) {
            Checks.required(TYPE, "breakGlass", breakGlass);
            if (!requiresReview) {
                throw new EventContractException(TYPE, "requiresReview", "must be true for " + kind);
            }
        } else if (breakGlass != null) {
            throw new EventContractException(TYPE, "breakGlass", "must be null for " + kind);
        }

        Checks.notNegative(TYPE, "matchedOrders", matchedOrders);
        if (kind != AccessKind.PERSON_CHECK && matchedOrders != 0) {
            throw new EventContractException(TYPE, "matchedOrders", "must be 0 for " + kind);
        }
    }

    /** The order id when the access concerns one order, otherwise the access id (see the class comment). */
    @Override
    public String subject() {
        return orderId != null ? orderId : accessId;
    }

    /**
     * Who accessed the data, as their token names them; never a name or IIN.
     *
     * @param subject the token's {@code sub}: a pseudonymous staff id, at most 255 characters
     * @param roles the roles the access was granted under, as codes such as {@code SUPERVISOR}; at
     *     least one, no duplicates
     * @param district the district code of the member of staff, or {@code null} for staff without one
     */
    public record Accessor(String subject, List<String> roles, String district) {

        /** Longest {@link #subject()}: room for any identity provider's pseudonymous ids. */
        public static final int MAX_SUBJECT_LENGTH = 255;

        public Accessor {
            // The type is not known here; the codec adds it (and the path "actor.") when it wraps the error.
            Checks.text(null, "subject", subject, MAX_SUBJECT_LENGTH);
            roles = Checks.nonEmptyDistinct(null, "roles", roles);
            for (int i = 0; i < roles.size(); i++) {
                Checks.code(null, "roles[" + i + "]", roles.get(i));
            }
            Checks.optionalText(null, "district", district, Checks.MAX_CODE_LENGTH);
        }
    }

    /**
     * The emergency ("break glass") grant an access was made under.
     *
     * @param grantId the grant's id (UUID string); the grant and every read under it share it
     * @param reason why emergency access was needed, 1 to {@value AccessRecorded#MAX_TEXT_LENGTH}
     *     characters; staff are told not to name people in it
     * @param expiresAt when the grant expires
     */
    public record BreakGlass(String grantId, String reason, Instant expiresAt) {

        public BreakGlass {
            Checks.uuid(null, "grantId", grantId);
            Checks.text(null, "reason", reason, MAX_TEXT_LENGTH);
            Checks.required(null, "expiresAt", expiresAt);
        }
    }
}
