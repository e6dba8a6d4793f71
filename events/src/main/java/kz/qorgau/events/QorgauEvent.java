package kz.qorgau.events;

/**
 * An event in the Qorgau contract. Every event concerns exactly one protective order, whose id is
 * the CloudEvents subject and the Kafka key, so all events of one order stay in order on one
 * partition.
 *
 * <p>Implementations are immutable records with a versioned CloudEvents type constant {@code TYPE}
 * and exactly one entry in {@link kz.qorgau.events.catalog.EventTypes}. They never carry personal
 * data in clear: names, IINs, phones, e-mails and addresses travel only inside a {@link
 * kz.qorgau.events.sealed.SealedField}.
 */
public sealed interface QorgauEvent permits OrderIssued, NotificationSent, NotificationFailed {

    /** The protective order this event concerns (a UUID string). */
    String orderId();
}
