package kz.qorgau.events.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.ApproachBanEnded;
import kz.qorgau.events.ApproachBanImposed;
import kz.qorgau.events.ArrestEnded;
import kz.qorgau.events.ArrestStarted;
import kz.qorgau.events.ComplianceCheckCorrected;
import kz.qorgau.events.ComplianceCheckOverdue;
import kz.qorgau.events.ComplianceCheckRecorded;
import kz.qorgau.events.ContactOptedOut;
import kz.qorgau.events.ContactVerificationRequested;
import kz.qorgau.events.ContactVerified;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.ExpiryApproaching;
import kz.qorgau.events.NotificationAcknowledged;
import kz.qorgau.events.NotificationEscalated;
import kz.qorgau.events.NotificationFailed;
import kz.qorgau.events.NotificationSent;
import kz.qorgau.events.NotificationSuperseded;
import kz.qorgau.events.OrderAmended;
import kz.qorgau.events.OrderExpired;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.OrderRevoked;
import kz.qorgau.events.OrderServed;
import kz.qorgau.events.OrderServiceFailed;
import kz.qorgau.events.OrderVoided;
import kz.qorgau.events.ParkingActionTaken;
import kz.qorgau.events.PersonCheckHit;
import kz.qorgau.events.PersonIdentified;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RegisterEntered;
import kz.qorgau.events.RegisterExited;
import kz.qorgau.events.ReportingScheduleRecorded;
import kz.qorgau.events.ReportingVisitMissed;
import kz.qorgau.events.ReportingVisitRecorded;
import kz.qorgau.events.RiskLevelChanged;
import kz.qorgau.events.RiskReassessmentOverdue;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.events.SpecialRequirementsExpired;
import kz.qorgau.events.SpecialRequirementsExtended;
import kz.qorgau.events.SpecialRequirementsImposed;
import kz.qorgau.events.VictimReplied;
import kz.qorgau.events.VictimRequestedHelp;
import kz.qorgau.events.ViolationConfirmed;
import kz.qorgau.events.ViolationReported;

/**
 * The registry of event types: type string ↔ record class ↔ schema ↔ topic. Adding an event type
 * means one {@link #register} line here (plus its record, schema, example and AsyncAPI message,
 * which the tests demand).
 */
public final class EventTypes {

    // Declared before the entries: static initialisers run in textual order.
    private static final List<EventType<?>> REGISTRY = new ArrayList<>();

    public static final EventType<OrderIssued> ORDER_ISSUED =
            register(OrderIssued.TYPE, OrderIssued.class, Topics.ORDERS_TOPIC);
    public static final EventType<OrderServed> ORDER_SERVED =
            register(OrderServed.TYPE, OrderServed.class, Topics.ORDERS_TOPIC);
    public static final EventType<OrderServiceFailed> ORDER_SERVICE_FAILED =
            register(OrderServiceFailed.TYPE, OrderServiceFailed.class, Topics.ORDERS_TOPIC);
    public static final EventType<ServiceOverdue> SERVICE_OVERDUE =
            register(ServiceOverdue.TYPE, ServiceOverdue.class, Topics.ORDERS_TOPIC);
    public static final EventType<ViolationReported> VIOLATION_REPORTED =
            register(ViolationReported.TYPE, ViolationReported.class, Topics.ORDERS_TOPIC);
    public static final EventType<ViolationConfirmed> VIOLATION_CONFIRMED =
            register(ViolationConfirmed.TYPE, ViolationConfirmed.class, Topics.ORDERS_TOPIC);
    public static final EventType<ArrestStarted> ARREST_STARTED =
            register(ArrestStarted.TYPE, ArrestStarted.class, Topics.ORDERS_TOPIC);
    public static final EventType<ArrestEnded> ARREST_ENDED =
            register(ArrestEnded.TYPE, ArrestEnded.class, Topics.ORDERS_TOPIC);
    public static final EventType<ComplianceCheckRecorded> COMPLIANCE_CHECK_RECORDED =
            register(ComplianceCheckRecorded.TYPE, ComplianceCheckRecorded.class, Topics.ORDERS_TOPIC);
    public static final EventType<ComplianceCheckCorrected> COMPLIANCE_CHECK_CORRECTED =
            register(ComplianceCheckCorrected.TYPE, ComplianceCheckCorrected.class, Topics.ORDERS_TOPIC);
    public static final EventType<ComplianceCheckOverdue> COMPLIANCE_CHECK_OVERDUE =
            register(ComplianceCheckOverdue.TYPE, ComplianceCheckOverdue.class, Topics.ORDERS_TOPIC);
    public static final EventType<OrderAmended> ORDER_AMENDED =
            register(OrderAmended.TYPE, OrderAmended.class, Topics.ORDERS_TOPIC);
    public static final EventType<OrderRevoked> ORDER_REVOKED =
            register(OrderRevoked.TYPE, OrderRevoked.class, Topics.ORDERS_TOPIC);
    public static final EventType<OrderVoided> ORDER_VOIDED =
            register(OrderVoided.TYPE, OrderVoided.class, Topics.ORDERS_TOPIC);
    public static final EventType<ExpiryApproaching> EXPIRY_APPROACHING =
            register(ExpiryApproaching.TYPE, ExpiryApproaching.class, Topics.ORDERS_TOPIC);
    public static final EventType<OrderExpired> ORDER_EXPIRED =
            register(OrderExpired.TYPE, OrderExpired.class, Topics.ORDERS_TOPIC);
    public static final EventType<SpecialRequirementsImposed> SPECIAL_REQUIREMENTS_IMPOSED =
            register(SpecialRequirementsImposed.TYPE, SpecialRequirementsImposed.class, Topics.ORDERS_TOPIC);
    public static final EventType<SpecialRequirementsExtended> SPECIAL_REQUIREMENTS_EXTENDED =
            register(SpecialRequirementsExtended.TYPE, SpecialRequirementsExtended.class, Topics.ORDERS_TOPIC);
    public static final EventType<SpecialRequirementsExpired> SPECIAL_REQUIREMENTS_EXPIRED =
            register(SpecialRequirementsExpired.TYPE, SpecialRequirementsExpired.class, Topics.ORDERS_TOPIC);
    public static final EventType<ReportingVisitRecorded> REPORTING_VISIT_RECORDED =
            register(ReportingVisitRecorded.TYPE, ReportingVisitRecorded.class, Topics.ORDERS_TOPIC);
    public static final EventType<ReportingVisitMissed> REPORTING_VISIT_MISSED =
            register(ReportingVisitMissed.TYPE, ReportingVisitMissed.class, Topics.ORDERS_TOPIC);
    public static final EventType<RegisterEntered> REGISTER_ENTERED =
            register(RegisterEntered.TYPE, RegisterEntered.class, Topics.ORDERS_TOPIC);
    public static final EventType<RegisterExited> REGISTER_EXITED =
            register(RegisterExited.TYPE, RegisterExited.class, Topics.ORDERS_TOPIC);
    public static final EventType<ApproachBanImposed> APPROACH_BAN_IMPOSED =
            register(ApproachBanImposed.TYPE, ApproachBanImposed.class, Topics.ORDERS_TOPIC);
    public static final EventType<ApproachBanEnded> APPROACH_BAN_ENDED =
            register(ApproachBanEnded.TYPE, ApproachBanEnded.class, Topics.ORDERS_TOPIC);
    public static final EventType<RiskLevelChanged> RISK_LEVEL_CHANGED =
            register(RiskLevelChanged.TYPE, RiskLevelChanged.class, Topics.ORDERS_TOPIC);
    public static final EventType<RiskReassessmentOverdue> RISK_REASSESSMENT_OVERDUE =
            register(RiskReassessmentOverdue.TYPE, RiskReassessmentOverdue.class, Topics.ORDERS_TOPIC);
    public static final EventType<PersonIdentified> PERSON_IDENTIFIED =
            register(PersonIdentified.TYPE, PersonIdentified.class, Topics.ORDERS_TOPIC);
    public static final EventType<ReportingScheduleRecorded> REPORTING_SCHEDULE_RECORDED =
            register(ReportingScheduleRecorded.TYPE, ReportingScheduleRecorded.class, Topics.ORDERS_TOPIC);
    public static final EventType<NotificationSent> NOTIFICATION_SENT =
            register(NotificationSent.TYPE, NotificationSent.class, Topics.NOTIFICATIONS_TOPIC);
    public static final EventType<NotificationFailed> NOTIFICATION_FAILED =
            register(NotificationFailed.TYPE, NotificationFailed.class, Topics.NOTIFICATIONS_TOPIC);
    public static final EventType<NotificationAcknowledged> NOTIFICATION_ACKNOWLEDGED =
            register(NotificationAcknowledged.TYPE, NotificationAcknowledged.class, Topics.NOTIFICATIONS_TOPIC);
    public static final EventType<NotificationEscalated> NOTIFICATION_ESCALATED =
            register(NotificationEscalated.TYPE, NotificationEscalated.class, Topics.NOTIFICATIONS_TOPIC);
    public static final EventType<NotificationSuperseded> NOTIFICATION_SUPERSEDED =
            register(NotificationSuperseded.TYPE, NotificationSuperseded.class, Topics.NOTIFICATIONS_TOPIC);
    public static final EventType<ContactVerificationRequested> CONTACT_VERIFICATION_REQUESTED =
            register(ContactVerificationRequested.TYPE, ContactVerificationRequested.class, Topics.NOTIFICATIONS_TOPIC);
    public static final EventType<ContactVerified> CONTACT_VERIFIED =
            register(ContactVerified.TYPE, ContactVerified.class, Topics.NOTIFICATIONS_TOPIC);
    public static final EventType<ContactOptedOut> CONTACT_OPTED_OUT =
            register(ContactOptedOut.TYPE, ContactOptedOut.class, Topics.NOTIFICATIONS_TOPIC);
    public static final EventType<VictimReplied> VICTIM_REPLIED =
            register(VictimReplied.TYPE, VictimReplied.class, Topics.NOTIFICATIONS_TOPIC);
    public static final EventType<VictimRequestedHelp> VICTIM_REQUESTED_HELP =
            register(VictimRequestedHelp.TYPE, VictimRequestedHelp.class, Topics.NOTIFICATIONS_TOPIC);
    public static final EventType<AccessRecorded> ACCESS_RECORDED =
            register(AccessRecorded.TYPE, AccessRecorded.class, Topics.ACCESS_TOPIC);
    public static final EventType<PersonCheckHit> PERSON_CHECK_HIT =
            register(PersonCheckHit.TYPE, PersonCheckHit.class, Topics.ACCESS_TOPIC);
    public static final EventType<ParkingActionTaken> PARKING_ACTION_TAKEN =
            register(ParkingActionTaken.TYPE, ParkingActionTaken.class, Topics.NOTIFICATIONS_TOPIC);

    private static final List<EventType<?>> ALL = List.copyOf(REGISTRY);
    private static final Map<String, EventType<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, entry -> entry));
    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(entry -> (Class<?>) entry.eventClass(), entry -> entry));

    private EventTypes() {}

    /** Every registered type, in registration order. */
    public static List<EventType<?>> all() {
        return ALL;
    }

    /** The registered type with this CloudEvents type string, if any. */
    public static Optional<EventType<?>> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /**
     * Whether a type has the contract's form but is not registered in this build: a later event or
     * version from a newer producer. Tolerant readers skip such events instead of dead-lettering them.
     */
    public static boolean isFutureType(String type) {
        return EventType.isWellFormed(type) && !BY_TYPE.containsKey(type);
    }

    /** The metric tag value of every type this build does not know: see {@link #metricTag}. */
    public static final String OTHER_TAG = "other";

    /**
     * The value to tag a metric with for a type: the type itself when it is registered, {@value
     * #OTHER_TAG} for anything else. A producer chooses the type it sends; tagging with it as received
     * would let it create a time series per type it invents.
     */
    public static String metricTag(String type) {
        return type != null && BY_TYPE.containsKey(type) ? type : OTHER_TAG;
    }

    /**
     * The registered type with this CloudEvents type string.
     *
     * @throws EventContractException if the type is unknown (a consumer should dead-letter the record)
     */
    public static EventType<?> require(String type) {
        EventType<?> found = BY_TYPE.get(type);
        if (found == null) {
            throw new EventContractException(type, "ce_type", "unknown event type");
        }
        return found;
    }

    /** The registered type of a record class. */
    @SuppressWarnings("unchecked") // register() keys each entry by its own class
    public static <T extends QorgauEvent> EventType<T> of(Class<T> eventClass) {
        EventType<?> found = BY_CLASS.get(eventClass);
        if (found == null) {
            throw new IllegalStateException(eventClass.getName() + " is not registered in EventTypes");
        }
        return (EventType<T>) found;
    }

    /** The registered type of an event. */
    public static EventType<?> of(QorgauEvent event) {
        return of(event.getClass());
    }

    /** The types published on a topic, in registration order. */
    public static List<String> typesOn(String topic) {
        return ALL.stream()
                .filter(type -> type.topic().equals(topic))
                .map(EventType::type)
                .toList();
    }

    private static <T extends QorgauEvent> EventType<T> register(String type, Class<T> eventClass, String topic) {
        EventType<T> entry = new EventType<>(type, eventClass, topic);
        for (EventType<?> existing : REGISTRY) {
            if (existing.type().equals(type) || existing.eventClass().equals(eventClass)) {
                throw new IllegalStateException("event type registered twice: " + type);
            }
        }
        REGISTRY.add(entry);
        return entry;
    }
}
