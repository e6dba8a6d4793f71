package kz.qorgau.order.requirements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.ReportingVisitMissed;
import kz.qorgau.events.SpecialRequirementsExpired;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.register.MeasureEvents;
import kz.qorgau.order.register.PreventiveRegister;
import kz.qorgau.order.timed.TimedMeasures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the clock does to special requirements, in the scan of the order's timed events: they come into
 * force on their effective day (the offender may enter the register), a scheduled reporting day without
 * a visit is published as missed at the start of the next day in Asia/Almaty, and they expire at the end
 * of their term (the offender may leave the register). Each change runs in its own transaction under the
 * requirements' row lock; a missed visit and an expiry are rows of {@code measure_timed_event} keyed
 * (requirements, kind, due time) committed with their outbox row, so a second scan adds nothing.
 */
@Component
class RequirementsTimedEvents implements TimedMeasures {

    static final String VISIT_MISSED = "VISIT_MISSED";
    static final String EXPIRED = "EXPIRED";

    private final SpecialRequirementsStore store;
    private final MeasureEvents events;
    private final PreventiveRegister register;
    private final JdbcClient jdbc;
    private final Law law;
    private final TransactionTemplate transactions;

    RequirementsTimedEvents(
            SpecialRequirementsStore store,
            MeasureEvents events,
            PreventiveRegister register,
            JdbcClient jdbc,
            Law law,
            TransactionTemplate transactions) {
        this.store = store;
        this.events = events;
        this.register = register;
        this.jdbc = jdbc;
        this.law = law;
        this.transactions = transactions;
    }

    @Override
    public int raiseDue(Instant now) {
        int raised = 0;
        for (UUID id : ids("status = 'IMPOSED' AND effective_from <= :now", now)) {
            raised += inTransaction(() -> comeIntoForce(id, now));
        }
        for (UUID id : ids("status IN ('IN_FORCE', 'EXTENDED') AND reporting_schedule IS NOT NULL", now)) {
            raised += inTransaction(() -> missedVisits(id, now));
        }
        for (UUID id : ids("status IN ('IN_FORCE', 'EXTENDED') AND valid_until <= :now", now)) {
            raised += inTransaction(() -> expire(id, now));
        }
        return raised;
    }

    private int comeIntoForce(UUID id, Instant now) {
        SpecialRequirements requirements = store.lock(id).orElseThrow();
        int changed = jdbc.sql(
                        """
                        UPDATE special_requirements SET status = 'IN_FORCE', version = version + 1
                        WHERE id = :id AND status = 'IMPOSED' AND effective_from <= :now
                        """)
                .param("id", id)
                .param("now", Times.utc(now))
                .update();
        if (changed == 0) {
            return 0;
        }
        return register.cameIntoForce(SpecialRequirementsRecords.cause(requirements, requirements.effectiveFrom()))
                ? 1
                : 0;
    }

    /** Every scheduled day since the later of the effective day and the schedule's recording, up to yesterday. */
    private int missedVisits(UUID id, Instant now) {
        SpecialRequirements requirements = store.lock(id).orElseThrow();
        if (!requirements.status().inForce() || requirements.schedule() == null) {
            return 0;
        }
        LocalDate effective = law.dayOf(requirements.effectiveFrom());
        LocalDate recorded = law.dayOf(requirements.scheduleRecordedAt());
        LocalDate first = recorded.isAfter(effective) ? recorded : effective;
        LocalDate yesterday = law.dayOf(now).minusDays(1);
        LocalDate lastInForce = law.dayOf(requirements.validUntil()).minusDays(1);
        LocalDate last = yesterday.isBefore(lastInForce) ? yesterday : lastInForce;
        if (last.isBefore(first)) {
            return 0;
        }
        Set<Instant> raised =
                new HashSet<>(jdbc.sql("SELECT due_at FROM measure_timed_event WHERE measure_id = :id AND kind = :kind")
                        .param("id", id)
                        .param("kind", VISIT_MISSED)
                        .query((row, n) -> Times.instant(row, "due_at"))
                        .list());
        Set<LocalDate> visited = new HashSet<>(
                jdbc.sql("SELECT visited_at FROM reporting_visit WHERE requirements_id = :id AND visited_at >= :from")
                        .param("id", id)
                        .param("from", Times.utc(law.startOf(first)))
                        .query((row, n) -> law.dayOf(Times.instant(row, "visited_at")))
                        .list());
        int missed = 0;
        for (LocalDate day : requirements.schedule().daysBetween(first, last)) {
            Instant detectedAt = law.startOf(day.plusDays(1));
            if (raised.contains(detectedAt) || visited.contains(day)) {
                continue;
            }
            EventEnvelope<QorgauEvent> envelope = events.publish(new ReportingVisitMissed(
                    requirements.orderIdText(), id.toString(), requirements.district(), day, detectedAt));
            keep(id, VISIT_MISSED, detectedAt, envelope, now);
            missed++;
        }
        return missed;
    }

    private int expire(UUID id, Instant now) {
        SpecialRequirements requirements = store.lock(id).orElseThrow();
        int changed = jdbc.sql(
                        """
                        UPDATE special_requirements SET status = 'EXPIRED', version = version + 1
                        WHERE id = :id AND status IN ('IN_FORCE', 'EXTENDED') AND valid_until <= :now
                        """)
                .param("id", id)
                .param("now", Times.utc(now))
                .update();
        if (changed == 0) {
            return 0;
        }
        EventEnvelope<QorgauEvent> envelope = events.publish(new SpecialRequirementsExpired(
                requirements.orderIdText(), id.toString(), requirements.district(), requirements.validUntil()));
        keep(id, EXPIRED, requirements.validUntil(), envelope, now);
        register.ended(SpecialRequirementsRecords.cause(requirements, requirements.validUntil()));
        return 1;
    }

    private void keep(UUID id, String kind, Instant dueAt, EventEnvelope<QorgauEvent> envelope, Instant now) {
        jdbc.sql(
                        """
                        INSERT INTO measure_timed_event (measure_id, kind, due_at, event_id, raised_at)
                        VALUES (:id, :kind, :dueAt, :eventId, :raisedAt)
                        """)
                .param("id", id)
                .param("kind", kind)
                .param("dueAt", Times.utc(dueAt))
                .param("eventId", envelope.id())
                .param("raisedAt", Times.utc(now))
                .update();
    }

    private List<UUID> ids(String condition, Instant now) {
        return jdbc.sql("SELECT id FROM special_requirements WHERE " + condition + " ORDER BY id")
                .param("now", Times.utc(now))
                .query(UUID.class)
                .list();
    }

    private int inTransaction(java.util.function.IntSupplier work) {
        Integer raised = transactions.execute(status -> work.getAsInt());
        return raised == null ? 0 : raised;
    }
}
