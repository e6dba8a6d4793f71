package kz.qorgau.testsupport.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import kz.qorgau.events.ApproachBanEnded;
import kz.qorgau.events.ApproachBanImposed;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.PersonIdentified;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RegisterEntered;
import kz.qorgau.events.RegisterExited;
import kz.qorgau.events.ReportingScheduleRecorded;
import kz.qorgau.events.ReportingVisitMissed;
import kz.qorgau.events.ReportingVisitRecorded;
import kz.qorgau.events.RiskLevelChanged;
import kz.qorgau.events.RiskReassessmentOverdue;
import kz.qorgau.events.SpecialRequirementsExpired;
import kz.qorgau.events.SpecialRequirementsExtended;
import kz.qorgau.events.SpecialRequirementsImposed;
import kz.qorgau.events.catalog.EventType;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;

/**
 * Events made from the contract's own example payloads (the events module's {@code examples/}), each
 * for an order of the test's choosing: what a consumer must accept is exactly what the contract shows.
 */
public final class ContractExamples {

    /** The order id every example payload carries. */
    public static final String EXAMPLE_ORDER_ID = "3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43";

    private static final EventCodec CODEC = new EventCodec();

    private ContractExamples() {}

    /** The example payload of {@code type}, about {@code orderId}. */
    public static <T extends QorgauEvent> T data(EventType<T> type, String orderId) {
        try (InputStream in = ContractExamples.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            if (in == null) {
                throw new IllegalStateException("No example for " + type.type());
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(EXAMPLE_ORDER_ID, orderId);
            return CODEC.readData(type, json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The events issue 11 added about an order (a court's special requirements and ban on approaching,
     * reporting visits, the preventive register, the risk level: docs/adr/0025). notification-service and
     * audit-service count the order's life without them until they handle them.
     */
    private static final Set<Class<?>> MEASURES = Set.of(
            SpecialRequirementsImposed.class,
            SpecialRequirementsExtended.class,
            SpecialRequirementsExpired.class,
            ReportingVisitRecorded.class,
            ReportingVisitMissed.class,
            RegisterEntered.class,
            RegisterExited.class,
            ApproachBanImposed.class,
            ApproachBanEnded.class,
            RiskLevelChanged.class,
            RiskReassessmentOverdue.class,
            PersonIdentified.class,
            ReportingScheduleRecorded.class);

    /**
     * One envelope of every type of the order's own life on {@code qorgau.orders} after the issue (served,
     * violations, checks, amendments, expiry, ...), about {@code orderId}, in registration order, numbered
     * from {@code firstSequence}, without the events issue 11 added ({@link #measuresAbout}'s).
     */
    public static List<EventEnvelope<QorgauEvent>> lifecycleAfterIssue(String orderId, long firstSequence) {
        return envelopes(
                orderId,
                firstSequence,
                type -> type.eventClass() != OrderIssued.class && !MEASURES.contains(type.eventClass()));
    }

    /**
     * One envelope of every type issue 11 added about an order (a court's measures, reporting visits, the
     * preventive register, the risk level), about {@code orderId}, in registration order, numbered from
     * {@code firstSequence}.
     */
    public static List<EventEnvelope<QorgauEvent>> measuresAbout(String orderId, long firstSequence) {
        return envelopes(orderId, firstSequence, type -> MEASURES.contains(type.eventClass()));
    }

    private static List<EventEnvelope<QorgauEvent>> envelopes(
            String orderId, long firstSequence, Predicate<EventType<?>> which) {
        List<EventEnvelope<QorgauEvent>> envelopes = new ArrayList<>();
        long sequence = firstSequence;
        for (EventType<?> type : EventTypes.all()) {
            if (type.topic().equals(Topics.ORDERS_TOPIC) && which.test(type)) {
                QorgauEvent data = data(type, orderId);
                envelopes.add(EventEnvelope.of(EventSources.ORDER_SERVICE, sequence++, data));
            }
        }
        return envelopes;
    }
}
