package kz.qorgau.events;

import java.time.Instant;
import java.util.List;
import kz.qorgau.events.sealed.SealedField;

/**
 * A supervisor amended the order: its protected persons, its prohibitions or the victim's contacts. Only
 * what consumers need travels: the new prohibitions, the new contacts sealed; protected persons stay in
 * order-service. Published by order-service on {@code qorgau.orders}, keyed by the order id.
 *
 * @param orderId the order's id; also the CloudEvents subject and the Kafka key.
 * @param orderNumber human-facing registration number of the order.
 * @param district code of the administrative district the order belongs to.
 * @param policeUnit code of the police unit that issued the order.
 * @param amendedBy personnel id of the supervisor who amended the order.
 * @param changes what was changed; at least one, no duplicates.
 * @param reason why, as a code such as VICTIM_REQUEST. A code, not free text.
 * @param prohibitions the prohibitions now in force; present if and only if changes has PROHIBITIONS.
 * @param victimContact the victim's new contact details (JSON of kz.qorgau.events.VictimContact), sealed
 *     with AES-256-GCM and bound to this orderId and the field name victimContact; present if and only if
 *     changes has VICTIM_CONTACT.
 * @param amendedAt when the amendment was entered (RFC 3339).
 */
public record OrderAmended(
        String orderId,
        String orderNumber,
        String district,
        String policeUnit,
        String amendedBy,
        List<Change> changes,
        String reason,
        List<Prohibition> prohibitions,
        SealedField victimContact,
        Instant amendedAt)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.order.amended.v1";

    /** Field name used in the sealed field's associated data. */
    public static final String VICTIM_CONTACT_FIELD = "victimContact";

    public OrderAmended {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.text(TYPE, "orderNumber", orderNumber, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "district", district, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "policeUnit", policeUnit, Checks.MAX_CODE_LENGTH);
        Checks.text(TYPE, "amendedBy", amendedBy, Checks.MAX_CODE_LENGTH);
        changes = Checks.nonEmptyDistinct(TYPE, "changes", changes);
        Checks.code(TYPE, "reason", reason);
        prohibitions = prohibitions == null ? null : Checks.nonEmptyDistinct(TYPE, "prohibitions", prohibitions);
        Checks.required(TYPE, "amendedAt", amendedAt);
        Checks.presentExactlyWhen(TYPE, "prohibitions", prohibitions, changes.contains(Change.PROHIBITIONS));
        Checks.presentExactlyWhen(TYPE, VICTIM_CONTACT_FIELD, victimContact, changes.contains(Change.VICTIM_CONTACT));
    }

    /** What was changed. */
    public enum Change {
        PROTECTED_PERSONS,
        PROHIBITIONS,
        VICTIM_CONTACT
    }
}
