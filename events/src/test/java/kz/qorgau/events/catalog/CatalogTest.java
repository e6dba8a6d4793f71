package kz.qorgau.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void ordersTopic() {
        assertThat(Topics.ORDERS)
                .isEqualTo(new TopicSpec(
                        "qorgau.orders",
                        6,
                        Duration.ofDays(365),
                        Topics.ORDERS.key(),
                        List.of(
                                OrderIssued.TYPE,
                                OrderServed.TYPE,
                                OrderServiceFailed.TYPE,
                                ServiceOverdue.TYPE,
                                ViolationReported.TYPE,
                                ViolationConfirmed.TYPE,
                                ArrestStarted.TYPE,
                                ArrestEnded.TYPE,
                                ComplianceCheckRecorded.TYPE,
                                ComplianceCheckCorrected.TYPE,
                                ComplianceCheckOverdue.TYPE,
                                OrderAmended.TYPE,
                                OrderRevoked.TYPE,
                                OrderVoided.TYPE,
                                ExpiryApproaching.TYPE,
                                OrderExpired.TYPE,
                                SpecialRequirementsImposed.TYPE,
                                SpecialRequirementsExtended.TYPE,
                                SpecialRequirementsExpired.TYPE,
                                ReportingVisitRecorded.TYPE,
                                ReportingVisitMissed.TYPE,
                                RegisterEntered.TYPE,
                                RegisterExited.TYPE,
                                ApproachBanImposed.TYPE,
                                ApproachBanEnded.TYPE,
                                RiskLevelChanged.TYPE,
                                RiskReassessmentOverdue.TYPE,
                                PersonIdentified.TYPE,
                                ReportingScheduleRecorded.TYPE),
                        "order-service",
                        List.of("notification-service", "audit-service")));
        assertThat(Topics.ORDERS.key()).startsWith("order id");
    }

    @Test
    void notificationsTopic() {
        assertThat(Topics.NOTIFICATIONS)
                .isEqualTo(new TopicSpec(
                        "qorgau.notifications",
                        6,
                        Duration.ofDays(365),
                        Topics.NOTIFICATIONS.key(),
                        List.of(
                                NotificationSent.TYPE,
                                NotificationFailed.TYPE,
                                NotificationAcknowledged.TYPE,
                                NotificationEscalated.TYPE,
                                NotificationSuperseded.TYPE,
                                ContactVerificationRequested.TYPE,
                                ContactVerified.TYPE,
                                ContactOptedOut.TYPE,
                                VictimReplied.TYPE,
                                VictimRequestedHelp.TYPE,
                                ParkingActionTaken.TYPE),
                        "notification-service",
                        List.of("audit-service")));
    }

    @Test
    void accessTopic() {
        assertThat(Topics.ACCESS)
                .isEqualTo(new TopicSpec(
                        "qorgau.access",
                        6,
                        Duration.ofDays(365),
                        Topics.ACCESS.key(),
                        List.of(AccessRecorded.TYPE, PersonCheckHit.TYPE),
                        "order-service",
                        List.of("notification-service", "audit-service")));
        // The key is not always an order id: an access to no one order is keyed by its access id.
        assertThat(Topics.ACCESS.key()).contains("order id", "access id", "CloudEvents subject");
        assertThat(EventTypes.ACCESS_RECORDED.topicSpec()).isEqualTo(Topics.ACCESS);
    }

    @Test
    void deadLetterTopicsUseSpringKafka4DefaultNaming() {
        assertThat(Topics.deadLetterTopic("qorgau.orders")).isEqualTo("qorgau.orders-dlt");
        assertThat(Topics.ORDERS.deadLetterTopic()).isEqualTo(Topics.ORDERS_DLT_TOPIC);
        assertThat(Topics.NOTIFICATIONS.deadLetterTopic()).isEqualTo(Topics.NOTIFICATIONS_DLT_TOPIC);
        assertThat(Topics.ACCESS.deadLetterTopic()).isEqualTo(Topics.ACCESS_DLT_TOPIC);
    }

    @Test
    void futureTypesAreWellFormedButUnregistered() {
        assertThat(EventTypes.isFutureType("kz.qorgau.order.served.v9")).isTrue();
        assertThat(EventTypes.isFutureType("kz.qorgau.order.issued.v2")).isTrue();
        assertThat(EventTypes.isFutureType(OrderIssued.TYPE)).isFalse();
        assertThat(EventTypes.isFutureType("com.example.order.issued.v1")).isFalse();
        assertThat(EventTypes.isFutureType("kz.qorgau.order.issued")).isFalse();
        assertThat(EventTypes.isFutureType(null)).isFalse();
    }

    @Test
    void onlyCatalogueTypesKeepTheirNameAsAMetricTag() {
        EventTypes.all()
                .forEach(type -> assertThat(EventTypes.metricTag(type.type())).isEqualTo(type.type()));
        assertThat(EventTypes.metricTag("kz.qorgau.order.served.v9")).isEqualTo(EventTypes.OTHER_TAG);
        assertThat(EventTypes.metricTag("anything at all")).isEqualTo("other");
        assertThat(EventTypes.metricTag(null)).isEqualTo("other");
    }

    @Test
    void namespacesPrefixTopicsExceptInProduction() {
        assertThat(Topics.ORDERS.nameIn("")).isEqualTo("qorgau.orders");
        assertThat(Topics.ORDERS.nameIn("t1a2b3c4")).isEqualTo("t1a2b3c4.qorgau.orders");
        assertThat(Topics.ORDERS.deadLetterTopicIn("t1a2b3c4")).isEqualTo("t1a2b3c4.qorgau.orders-dlt");
        assertThatThrownBy(() -> Topics.inNamespace("Bad.Namespace", "qorgau.orders"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newTopicsCarryPartitionsAndRetentionAndTheDeadLetterTopicMatchesItsSource() {
        var topic = Topics.ORDERS.newTopic("ns");
        var deadLetters = Topics.ORDERS.newDeadLetterTopic("ns");

        assertThat(topic.name()).isEqualTo("ns.qorgau.orders");
        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.configs())
                .containsEntry(
                        "retention.ms", Long.toString(Duration.ofDays(365).toMillis()));
        assertThat(deadLetters.name()).isEqualTo("ns.qorgau.orders-dlt");
        assertThat(deadLetters.numPartitions()).isEqualTo(topic.numPartitions());
    }

    @Test
    void catalogueListsEveryTopicOnce() {
        assertThat(Topics.all()).containsExactly(Topics.ORDERS, Topics.NOTIFICATIONS, Topics.ACCESS);
        assertThat(Topics.byName("qorgau.access")).contains(Topics.ACCESS);
        assertThat(Topics.byName("qorgau.orders")).contains(Topics.ORDERS);
        assertThat(Topics.byName("qorgau.orders-dlt")).isEmpty();
    }

    @Test
    void everySealedEventRecordIsRegisteredWithItsTypeConstant() throws ReflectiveOperationException {
        Class<?>[] permitted = QorgauEvent.class.getPermittedSubclasses();

        assertThat(permitted).hasSameSizeAs(EventTypes.all());
        for (Class<?> eventClass : permitted) {
            assertThat(eventClass.isRecord()).as("%s is a record", eventClass).isTrue();
            Field typeConstant = eventClass.getField("TYPE");
            assertThat(Modifier.isStatic(typeConstant.getModifiers())).isTrue();
            @SuppressWarnings("unchecked")
            EventType<?> registered = EventTypes.of((Class<? extends QorgauEvent>) eventClass);
            assertThat(registered.type()).isEqualTo(typeConstant.get(null));
        }
    }

    @Test
    void everyRegisteredTypeIsPublishedOnACataloguedTopicThatListsIt() {
        for (EventType<?> type : EventTypes.all()) {
            assertThat(type.topicSpec().eventTypes()).contains(type.type());
        }
        List<String> listedOnTopics = Topics.all().stream()
                .flatMap(topic -> topic.eventTypes().stream())
                .toList();
        assertThat(listedOnTopics)
                .containsExactlyInAnyOrderElementsOf(
                        EventTypes.all().stream().map(EventType::type).toList());
    }

    @Test
    void derivesSchemaExampleAndDataSchemaFromTheTypeString() {
        EventType<OrderIssued> type = EventTypes.ORDER_ISSUED;

        assertThat(type.name()).isEqualTo("order.issued.v1");
        assertThat(type.schemaResource()).isEqualTo("kz/qorgau/events/schemas/order.issued.v1.json");
        assertThat(type.exampleResource()).isEqualTo("kz/qorgau/events/examples/order.issued.v1.json");
        assertThat(type.dataSchema()).isEqualTo(URI.create("urn:qorgau:events:schema:order.issued.v1"));
        assertThat(type.topicSpec()).isEqualTo(Topics.ORDERS);
    }

    @Test
    void derivesTheAccessTypesResources() {
        EventType<AccessRecorded> type = EventTypes.ACCESS_RECORDED;

        assertThat(type.type()).isEqualTo(AccessRecorded.TYPE);
        assertThat(type.name()).isEqualTo("access.recorded.v1");
        assertThat(type.schemaResource()).isEqualTo("kz/qorgau/events/schemas/access.recorded.v1.json");
        assertThat(type.exampleResource()).isEqualTo("kz/qorgau/events/examples/access.recorded.v1.json");
        assertThat(type.dataSchema()).isEqualTo(URI.create("urn:qorgau:events:schema:access.recorded.v1"));
        assertThat(EventTypes.of(AccessRecorded.class)).isSameAs(type);
        assertThat(EventTypes.typesOn(Topics.ACCESS_TOPIC)).containsExactly(AccessRecorded.TYPE, PersonCheckHit.TYPE);
    }

    @Test
    void looksTypesUp() {
        assertThat(EventTypes.find("kz.qorgau.notification.sent.v1")).contains(EventTypes.NOTIFICATION_SENT);
        assertThat(EventTypes.find("kz.qorgau.notification.sent.v2")).isEmpty();
        assertThat(EventTypes.require("kz.qorgau.notification.failed.v1")).isEqualTo(EventTypes.NOTIFICATION_FAILED);
        assertThatThrownBy(() -> EventTypes.require("com.example.other"))
                .isInstanceOf(EventContractException.class)
                .hasMessageContaining("com.example.other")
                .hasMessageContaining("unknown event type");
    }

    @Test
    void typeStringsAreVersionedAndDistinct() {
        List<String> types = EventTypes.all().stream().map(EventType::type).toList();

        assertThat(types).doesNotHaveDuplicates().allMatch(type -> type.matches("kz\\.qorgau\\.[a-z.]+\\.v[0-9]+"));
        assertThat(types)
                .containsExactly(
                        "kz.qorgau.order.issued.v1",
                        "kz.qorgau.order.served.v1",
                        "kz.qorgau.order.service.failed.v1",
                        "kz.qorgau.order.service.overdue.v1",
                        "kz.qorgau.order.violation.reported.v1",
                        "kz.qorgau.order.violation.confirmed.v1",
                        "kz.qorgau.order.arrest.started.v1",
                        "kz.qorgau.order.arrest.ended.v1",
                        "kz.qorgau.order.check.recorded.v1",
                        "kz.qorgau.order.check.corrected.v1",
                        "kz.qorgau.order.check.overdue.v1",
                        "kz.qorgau.order.amended.v1",
                        "kz.qorgau.order.revoked.v1",
                        "kz.qorgau.order.voided.v1",
                        "kz.qorgau.order.expiry.approaching.v1",
                        "kz.qorgau.order.expired.v1",
                        "kz.qorgau.order.special.requirements.imposed.v1",
                        "kz.qorgau.order.special.requirements.extended.v1",
                        "kz.qorgau.order.special.requirements.expired.v1",
                        "kz.qorgau.order.reporting.visit.recorded.v1",
                        "kz.qorgau.order.reporting.visit.missed.v1",
                        "kz.qorgau.order.register.entered.v1",
                        "kz.qorgau.order.register.exited.v1",
                        "kz.qorgau.order.approach.ban.imposed.v1",
                        "kz.qorgau.order.approach.ban.ended.v1",
                        "kz.qorgau.order.risk.level.changed.v1",
                        "kz.qorgau.order.risk.reassessment.overdue.v1",
                        "kz.qorgau.order.person.identified.v1",
                        "kz.qorgau.order.reporting.schedule.recorded.v1",
                        "kz.qorgau.notification.sent.v1",
                        "kz.qorgau.notification.failed.v1",
                        "kz.qorgau.notification.acknowledged.v1",
                        "kz.qorgau.notification.escalated.v1",
                        "kz.qorgau.notification.superseded.v1",
                        "kz.qorgau.notification.contact.verification.requested.v1",
                        "kz.qorgau.notification.contact.verified.v1",
                        "kz.qorgau.notification.contact.opted.out.v1",
                        "kz.qorgau.notification.victim.replied.v1",
                        "kz.qorgau.notification.victim.requested.help.v1",
                        "kz.qorgau.access.recorded.v1",
                        "kz.qorgau.access.person.check.hit.v1",
                        "kz.qorgau.parking.action.taken.v1");
        assertThatThrownBy(() -> new EventType<>("kz.qorgau.order.issued", OrderIssued.class, Topics.ORDERS_TOPIC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Stands in for {@code @KafkaListener(topics = ...)}: it compiles only with compile-time constants. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface Listens {
        String[] topics();
    }

    @Test
    @Listens(
            topics = {
                Topics.ORDERS_TOPIC,
                Topics.ORDERS_DLT_TOPIC,
                Topics.NOTIFICATIONS_TOPIC,
                Topics.NOTIFICATIONS_DLT_TOPIC,
                Topics.ACCESS_TOPIC,
                Topics.ACCESS_DLT_TOPIC
            })
    void topicNamesAreCompileTimeConstantsForListenerAnnotations() throws NoSuchMethodException {
        Listens listens = getClass()
                .getDeclaredMethod("topicNamesAreCompileTimeConstantsForListenerAnnotations")
                .getAnnotation(Listens.class);

        assertThat(listens.topics())
                .containsExactly(
                        "qorgau.orders",
                        "qorgau.orders-dlt",
                        "qorgau.notifications",
                        "qorgau.notifications-dlt",
                        "qorgau.access",
                        "qorgau.access-dlt");
    }
}
