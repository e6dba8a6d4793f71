package kz.qorgau.order.approachban;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.ApproachBanEnded;
import kz.qorgau.events.ApproachBanImposed;
import kz.qorgau.events.Measure;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.problem.Problems.FieldProblem;
import kz.qorgau.kit.security.Role;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.lifecycle.ETags;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.platform.idempotency.IdempotencyKeys;
import kz.qorgau.order.protectiveorder.OffenderIdentity;
import kz.qorgau.order.protectiveorder.OffenderIndex;
import kz.qorgau.order.register.CourtDecisions;
import kz.qorgau.order.register.MeasureEvents;
import kz.qorgau.order.register.PreventiveRegister;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * A court's ban on approaching (criminal procedure): a court clerk records it, in force at once from its
 * effective day, with the distance the court set and a last day if it set a term; a court ends it, or
 * the clock at the end of its term. The same rules as every change: row lock, 404 for a ban the caller
 * may not see, If-Match (428, 412), its state (409), dates within the law's limits (400), and the row,
 * its version and the event committed together through the outbox. Courts see every district's bans,
 * police their own district's.
 */
@Service
public class ApproachBans {

    public static final URI NOT_FOUND = URI.create("urn:qorgau:problem:approach-ban-not-found");

    static final String TERM_ENDED = "TERM_ENDED";

    /** What an idempotency key is bound to, besides the body. */
    static final String OPERATION = "POST /api/v1/approach-bans";

    private final ApproachBanStore store;
    private final CourtDecisions decisions;
    private final MeasureEvents events;
    private final PreventiveRegister register;
    private final IdempotencyKeys idempotencyKeys;
    private final JdbcClient jdbc;
    private final Law law;
    private final Clock clock;

    ApproachBans(
            ApproachBanStore store,
            CourtDecisions decisions,
            MeasureEvents events,
            PreventiveRegister register,
            IdempotencyKeys idempotencyKeys,
            JdbcClient jdbc,
            Law law,
            Clock clock) {
        this.idempotencyKeys = idempotencyKeys;
        this.store = store;
        this.decisions = decisions;
        this.events = events;
        this.register = register;
        this.jdbc = jdbc;
        this.law = law;
        this.clock = clock;
    }

    /**
     * A court clerk records the ban; the offender enters the register unless already on it. With an
     * Idempotency-Key, a retry of the same body returns the first ban and records nothing new.
     */
    @Transactional
    public IdempotencyKeys.Created impose(Staff staff, Optional<String> idempotencyKey, ApproachBanRequest request) {
        IdempotencyKeys.Created created = idempotencyKeys.create(staff.subject(), idempotencyKey, OPERATION, request);
        if (created.replayed()) {
            return created;
        }
        UUID id = created.id();
        Instant now = now();
        OffenderIdentity offender = request.offender();
        List<FieldProblem> problems = new ArrayList<>();
        String district = decisions.district(
                request.orderId(), request.district(), offender, "criminalCase", request.criminalCase(), problems);
        decisions.decided("decisionDate", request.decisionDate(), now, problems);
        decisions.effective(request.effectiveDate(), request.decisionDate(), now, problems);
        Instant effectiveFrom = law.startOf(request.effectiveDate());
        if (effectiveFrom.isAfter(now)) {
            problems.add(new FieldProblem("effectiveDate", "must not be in the future"));
        }
        Instant validUntil =
                request.lastDay() == null ? null : law.startOf(request.lastDay().plusDays(1));
        if (validUntil != null && !validUntil.isAfter(now)) {
            problems.add(new FieldProblem("lastDay", "must not be over"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ApproachBan ban = new ApproachBan(
                id,
                request.orderId(),
                request.criminalCase(),
                district,
                request.court(),
                request.caseNumber(),
                request.decisionDate(),
                request.distanceMeters(),
                effectiveFrom,
                validUntil,
                ApproachBan.IN_FORCE,
                offender.iin(),
                offender.document(),
                offender.description(),
                staff.subject(),
                now,
                null,
                null,
                1);
        store.insert(ban);
        events.publish(new ApproachBanImposed(
                ban.orderIdText(),
                ban.id().toString(),
                ban.criminalCase(),
                district,
                ban.court(),
                ban.caseNumber(),
                staff.subject(),
                ban.distanceMeters(),
                effectiveFrom,
                validUntil,
                now));
        register.cameIntoForce(cause(ban, effectiveFrom));
        return created;
    }

    /** A court ends the ban; the offender leaves the register if nothing else is in force. */
    @Transactional
    public void end(Staff staff, UUID id, String ifMatch, EndBanRequest request) {
        Instant now = now();
        ApproachBan ban = store.lock(id).filter(found -> maySee(staff, found)).orElseThrow(ApproachBans::notFound);
        ETags.require(ifMatch, ban.version());
        if (!ApproachBan.IN_FORCE.equals(ban.status())) {
            throw OrderChanges.impossible("A ban on approaching that has ended cannot be ended again.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        decisions.decided("decisionDate", request.decisionDate(), now, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ended(ban, staff.subject(), request.reason(), now);
    }

    /**
     * Ends {@code ban} (locked, in force) at {@code at}: its row, the event and the register's exit, in the
     * caller's transaction.
     */
    void ended(ApproachBan ban, String by, String reason, Instant at) {
        jdbc.sql(
                        """
                        UPDATE approach_ban SET status = 'ENDED', ended_at = :at, ended_by = :by, end_reason = :reason,
                            version = version + 1
                        WHERE id = :id
                        """)
                .param("at", Times.utc(at))
                .param("by", by)
                .param("reason", reason)
                .param("id", ban.id())
                .update();
        events.publish(new ApproachBanEnded(ban.orderIdText(), ban.id().toString(), ban.district(), reason, at));
        register.ended(cause(ban, at));
    }

    /** The bans in force against the person {@code offender} finds, for the person check (no access rule: any officer). */
    @Transactional(readOnly = true)
    public List<BanInForce> inForceAgainst(OffenderIndex offender) {
        Instant now = clock.instant();
        return store.inForceAgainst(offender).stream()
                // In force until the end of its term, even before the scan ended it.
                .filter(ban -> ban.validUntil() == null || ban.validUntil().isAfter(now))
                .map(ban -> new BanInForce(ban.effectiveFrom(), ban.distanceMeters(), ban.validUntil(), ban.court()))
                .toList();
    }

    @Transactional(readOnly = true)
    public ApproachBan read(Staff staff, UUID id) {
        return store.findById(id).filter(found -> maySee(staff, found)).orElseThrow(ApproachBans::notFound);
    }

    static ErrorResponseException notFound() {
        return Problems.error(
                HttpStatus.NOT_FOUND,
                NOT_FOUND,
                "Ban on approaching not found",
                "There is no ban on approaching with this id that you may read.");
    }

    private static PreventiveRegister.Cause cause(ApproachBan ban, Instant at) {
        return new PreventiveRegister.Cause(Measure.APPROACH_BAN, ban.id(), ban.orderId(), ban.district(), at);
    }

    private static boolean maySee(Staff staff, ApproachBan ban) {
        return staff.has(Role.COURT) || staff.worksIn(ban.district());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
