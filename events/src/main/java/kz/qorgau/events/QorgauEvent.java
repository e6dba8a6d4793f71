package kz.qorgau.events;

/**
 * An event in the Qorgau contract. Its {@link #subject()} is the CloudEvents subject, the {@code
 * partitionkey} and the Kafka key, so all events of one subject stay in order on one partition. For
 * every event about a protective order the subject is the order's id; only an {@link AccessRecorded}
 * that concerns no single order (a person check, a break-glass grant for no one order) and a {@link
 * PersonCheckHit} have their access id as subject, and a measure imposed without a protective order (special requirements, a
 * register entry they cause) has its own id as subject.
 *
 * <p>Implementations are immutable records with a versioned CloudEvents type constant {@code TYPE}
 * and exactly one entry in {@link kz.qorgau.events.catalog.EventTypes}. They never carry personal
 * data in clear: names, IINs, phones, e-mails and addresses travel only inside a {@link
 * kz.qorgau.events.sealed.SealedField}.
 */
public sealed interface QorgauEvent
        permits OrderIssued,
                OrderServed,
                OrderServiceFailed,
                ServiceOverdue,
                ViolationReported,
                ViolationConfirmed,
                ArrestStarted,
                ArrestEnded,
                ComplianceCheckRecorded,
                ComplianceCheckCorrected,
                ComplianceCheckOverdue,
                OrderAmended,
                OrderRevoked,
                OrderVoided,
                ExpiryApproaching,
                OrderExpired,
                NotificationSent,
                NotificationFailed,
                NotificationAcknowledged,
                NotificationEscalated,
                NotificationSuperseded,
                ContactVerificationRequested,
                ContactVerified,
                ContactOptedOut,
                VictimReplied,
                VictimRequestedHelp,
                AccessRecorded,
                PersonCheckHit,
                ParkingActionTaken,
                SpecialRequirementsImposed,
                SpecialRequirementsExtended,
                SpecialRequirementsExpired,
                ReportingVisitRecorded,
                ReportingVisitMissed,
                RegisterEntered,
                RegisterExited,
                ApproachBanImposed,
                ApproachBanEnded,
                RiskLevelChanged,
                RiskReassessmentOverdue,
                PersonIdentified,
                ReportingScheduleRecorded {

    /**
     * The protective order this event concerns (a UUID string). Never {@code null}, except for an
     * {@link AccessRecorded} that concerns no single order and the events of a measure imposed without
     * one: code that handles every type should key on {@link #subject()} instead.
     */
    String orderId();

    /**
     * The CloudEvents subject, {@code partitionkey} and Kafka key of this event (a UUID string): the
     * order id unless the type documents otherwise. A method, not a record component, so it is not
     * written to the JSON data.
     */
    default String subject() {
        return orderId();
    }
}
