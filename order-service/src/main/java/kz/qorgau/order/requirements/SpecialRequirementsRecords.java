package kz.qorgau.order.requirements;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.Ban;
import kz.qorgau.events.Measure;
import kz.qorgau.events.ReportingScheduleRecorded;
import kz.qorgau.events.ReportingVisitRecorded;
import kz.qorgau.events.SpecialRequirementsExtended;
import kz.qorgau.events.SpecialRequirementsImposed;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.problem.Problems.FieldProblem;
import kz.qorgau.kit.security.Role;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.law.LawProperties;
import kz.qorgau.order.lifecycle.ETags;
import kz.qorgau.order.lifecycle.HappenedAt;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.platform.idempotency.IdempotencyKeys;
import kz.qorgau.order.protectiveorder.Iin;
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
 * Special requirements as courts impose and extend them and police supervise them: each change in one
 * transaction, the same way as an order's ({@link OrderChanges}): lock the row; 404 for requirements the
 * caller may not see; If-Match with their ETag (428, 412); their state (409); dates and times within
 * the law's limits and the backdating (400); then the row, the raised version and the event commit
 * together through the outbox. Courts see every district's; police only their own district's.
 */
@Service
public class SpecialRequirementsRecords {

    public static final URI NOT_FOUND = URI.create("urn:qorgau:problem:special-requirements-not-found");

    private static final int ADULT = 18;

    /** What an idempotency key is bound to, besides the body. */
    static final String OPERATION = "POST /api/v1/special-requirements";

    private final SpecialRequirementsStore store;
    private final CourtDecisions decisions;
    private final MeasureEvents events;
    private final PreventiveRegister register;
    private final IdempotencyKeys idempotencyKeys;
    private final JdbcClient jdbc;
    private final Law law;
    private final Clock clock;

    SpecialRequirementsRecords(
            SpecialRequirementsStore store,
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
     * A court imposes special requirements: in force at once from an effective day already begun. With an
     * Idempotency-Key, a retry of the same body returns the first requirements and records nothing new.
     */
    @Transactional
    public IdempotencyKeys.Created impose(Staff staff, Optional<String> idempotencyKey, ImposeRequest request) {
        IdempotencyKeys.Created created = idempotencyKeys.create(staff.subject(), idempotencyKey, OPERATION, request);
        if (created.replayed()) {
            return created;
        }
        UUID id = created.id();
        Instant now = now();
        OffenderIdentity offender = request.offender();
        List<FieldProblem> problems = new ArrayList<>();
        String district = decisions.district(
                request.orderId(),
                request.district(),
                offender,
                "administrativeCase",
                request.administrativeCase(),
                problems);
        decisions.decided("decisionDate", request.decisionDate(), now, problems);
        decisions.effective(request.effectiveDate(), request.decisionDate(), now, problems);
        LawProperties.MonthRange term = law.specialRequirements().term();
        if (!term.contains(request.termMonths())) {
            problems.add(
                    new FieldProblem("termMonths", "must be from " + term.min() + " to " + term.max() + " months"));
        }
        boolean placesBanned = request.bans().contains(Ban.VISITING_PLACES);
        boolean placesNamed = request.places() != null && !request.places().isEmpty();
        if (placesBanned != placesNamed) {
            problems.add(new FieldProblem("places", "are named exactly when VISITING_PLACES is banned"));
        }
        if (placesBanned && !isMinor(request.offenderIin(), request.effectiveDate())) {
            problems.add(new FieldProblem("bans", "VISITING_PLACES is for minors only"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Instant effectiveFrom = law.startOf(request.effectiveDate());
        RequirementsStatus status =
                effectiveFrom.isAfter(now) ? RequirementsStatus.IMPOSED : RequirementsStatus.IN_FORCE;
        SpecialRequirements requirements = new SpecialRequirements(
                id,
                request.orderId(),
                request.administrativeCase(),
                district,
                request.court(),
                request.caseNumber(),
                request.decisionDate(),
                effectiveFrom,
                law.requirementsEnd(request.effectiveDate(), request.termMonths()),
                request.termMonths(),
                status,
                request.bans(),
                new RequirementsOffender(offender, request.places()),
                law.requirementsBasis(request.effectiveDate()),
                staff.subject(),
                now,
                null,
                null,
                1);
        store.insert(requirements);
        events.publish(new SpecialRequirementsImposed(
                requirements.orderIdText(),
                requirements.id().toString(),
                requirements.administrativeCase(),
                requirements.district(),
                requirements.court(),
                requirements.caseNumber(),
                staff.subject(),
                requirements.bans(),
                requirements.decisionDate(),
                requirements.effectiveFrom(),
                requirements.validUntil(),
                requirements.legalBasis(),
                now));
        if (status == RequirementsStatus.IN_FORCE) {
            register.cameIntoForce(cause(requirements, effectiveFrom));
        }
        return created;
    }

    /** A court extends them, the whole term within the configured maximum from the effective day. */
    @Transactional
    public void extend(Staff staff, UUID id, String ifMatch, ExtendRequest request) {
        Instant now = now();
        SpecialRequirements requirements = begin(staff, id, ifMatch);
        if (requirements.status() == RequirementsStatus.EXPIRED
                || !requirements.validUntil().isAfter(now)) {
            throw OrderChanges.impossible("Special requirements that have ended cannot be extended.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        decisions.decided("decisionDate", request.decisionDate(), now, problems);
        LocalDate effectiveDay = law.dayOf(requirements.effectiveFrom());
        // Kept, not recomputed from the dates: 30 November plus 3 months is 28 February, and back is 2 months.
        int months = requirements.termMonths() + request.months();
        int maximum = law.specialRequirements().maximumTotal().max();
        if (months > maximum) {
            problems.add(new FieldProblem(
                    "months", "the whole term must stay within " + maximum + " months of the effective day"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Instant validUntil = law.requirementsEnd(effectiveDay, months);
        RequirementsStatus status = requirements.status() == RequirementsStatus.IMPOSED
                ? RequirementsStatus.IMPOSED
                : RequirementsStatus.EXTENDED;
        jdbc.sql(
                        """
                        UPDATE special_requirements SET valid_until = :validUntil, term_months = :months,
                            status = :status, version = version + 1
                        WHERE id = :id
                        """)
                .param("validUntil", Times.utc(validUntil))
                .param("months", months)
                .param("status", status.name())
                .param("id", id)
                .update();
        jdbc.sql(
                        """
                        INSERT INTO special_requirements_extension (id, requirements_id, court, case_number,
                            decision_date, previous_until, valid_until, extended_by, recorded_at)
                        VALUES (:id, :requirementsId, :court, :caseNumber, :decisionDate, :previousUntil,
                            :validUntil, :extendedBy, :recordedAt)
                        """)
                .param("id", UUID.randomUUID())
                .param("requirementsId", id)
                .param("court", request.court())
                .param("caseNumber", request.caseNumber())
                .param("decisionDate", request.decisionDate())
                .param("previousUntil", Times.utc(requirements.validUntil()))
                .param("validUntil", Times.utc(validUntil))
                .param("extendedBy", staff.subject())
                .param("recordedAt", Times.utc(now))
                .update();
        events.publish(new SpecialRequirementsExtended(
                requirements.orderIdText(),
                id.toString(),
                requirements.district(),
                request.court(),
                request.caseNumber(),
                staff.subject(),
                request.decisionDate(),
                requirements.validUntil(),
                validUntil,
                now));
    }

    /**
     * The officer records the reporting schedule; it replaces the one before, and is published (no personal
     * data) for the audit trail and notices. Days before it was recorded are never counted as missed.
     */
    @Transactional
    public void schedule(Staff staff, UUID id, String ifMatch, ReportingSchedule schedule) {
        Instant now = now();
        SpecialRequirements requirements = begin(staff, id, ifMatch);
        if (requirements.status() == RequirementsStatus.EXPIRED) {
            throw OrderChanges.impossible("Special requirements that are EXPIRED cannot have a reporting schedule.");
        }
        String problem = schedule.problem(law.specialRequirements().reportingPerMonth());
        if (problem != null) {
            String field = schedule.dates() != null && !schedule.dates().isEmpty() ? "dates" : "weeks";
            throw new InvalidRequestException(List.of(new FieldProblem(field, problem)));
        }
        jdbc.sql(
                        """
                        UPDATE special_requirements SET reporting_schedule = CAST(:schedule AS jsonb),
                            schedule_recorded_at = :at, version = version + 1
                        WHERE id = :id
                        """)
                .param("schedule", SpecialRequirementsStore.json(schedule))
                .param("at", Times.utc(now))
                .param("id", id)
                .update();
        boolean byDates = schedule.dates() != null && !schedule.dates().isEmpty();
        events.publish(new ReportingScheduleRecorded(
                requirements.orderIdText(),
                id.toString(),
                requirements.district(),
                byDates ? schedule.dates().stream().sorted().toList() : List.of(),
                byDates ? null : schedule.weekday(),
                byDates ? List.of() : schedule.weeks().stream().sorted().toList(),
                staff.subject(),
                now));
    }

    /** An officer of the district records that the offender reported. */
    @Transactional
    public VisitRepresentation visit(Staff staff, UUID id, String ifMatch, VisitRequest request) {
        Instant now = now();
        SpecialRequirements requirements = begin(staff, id, ifMatch);
        if (!requirements.status().inForce()) {
            throw OrderChanges.impossible("Special requirements that are " + requirements.status()
                    + " cannot have a reporting visit recorded.");
        }
        Instant visitedAt = HappenedAt.accept("visitedAt", request.visitedAt(), now, requirements.effectiveFrom(), law);
        UUID visitId = UUID.randomUUID();
        jdbc.sql(
                        """
                        INSERT INTO reporting_visit (id, requirements_id, recorded_by, visited_at, recorded_at)
                        VALUES (:id, :requirementsId, :by, :visitedAt, :recordedAt)
                        """)
                .param("id", visitId)
                .param("requirementsId", id)
                .param("by", staff.subject())
                .param("visitedAt", Times.utc(visitedAt))
                .param("recordedAt", Times.utc(now))
                .update();
        jdbc.sql("UPDATE special_requirements SET version = version + 1 WHERE id = :id")
                .param("id", id)
                .update();
        events.publish(new ReportingVisitRecorded(
                requirements.orderIdText(),
                id.toString(),
                requirements.district(),
                visitId.toString(),
                staff.subject(),
                visitedAt,
                now));
        return new VisitRepresentation(visitId, id, staff.subject(), visitedAt, now);
    }

    /**
     * The requirements in force against the person with this IIN, for the person check (no access rule: any
     * officer at a door), until the end of their term even before the scan expired them.
     */
    @Transactional(readOnly = true)
    public List<RequirementsInForce> inForceAgainst(OffenderIndex offender) {
        Instant now = clock.instant();
        return store.inForceAgainst(offender).stream()
                .filter(found ->
                        found.validUntil() == null || found.validUntil().isAfter(now))
                .map(found -> new RequirementsInForce(
                        found.effectiveFrom(), found.validUntil(), found.bans(), found.court(), found.district()))
                .toList();
    }

    /** The requirements as {@code staff} may read them: courts every district's, police their own. */
    @Transactional(readOnly = true)
    public SpecialRequirements read(Staff staff, UUID id) {
        return store.findById(id)
                .filter(found -> maySee(staff, found))
                .orElseThrow(SpecialRequirementsRecords::notFound);
    }

    static PreventiveRegister.Cause cause(SpecialRequirements requirements, Instant at) {
        return new PreventiveRegister.Cause(
                Measure.SPECIAL_REQUIREMENTS, requirements.id(), requirements.orderId(), requirements.district(), at);
    }

    static ErrorResponseException notFound() {
        return Problems.error(
                HttpStatus.NOT_FOUND,
                NOT_FOUND,
                "Special requirements not found",
                "There are no special requirements with this id that you may read.");
    }

    /** Locks the row and checks who may change it and its ETag. */
    private SpecialRequirements begin(Staff staff, UUID id, String ifMatch) {
        SpecialRequirements requirements =
                store.lock(id).filter(found -> maySee(staff, found)).orElseThrow(SpecialRequirementsRecords::notFound);
        ETags.require(ifMatch, requirements.version());
        return requirements;
    }

    private static boolean maySee(Staff staff, SpecialRequirements requirements) {
        return staff.has(Role.COURT) || staff.worksIn(requirements.district());
    }

    private static boolean isMinor(String iin, LocalDate on) {
        if (iin == null) {
            // Without an IIN no age can be told: the court's minors-only ban needs one.
            return false;
        }
        return Iin.birthDate(iin)
                .map(born -> Period.between(born, on).getYears() < ADULT)
                .orElse(false);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
