package kz.qorgau.order.law;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * The law's arithmetic: which provision applies on a day, when an order ends, when things fall due.
 * Days are counted in the configured zone (Asia/Almaty); every answer is an instant (stored in UTC).
 */
@Component
public class Law {

    private final LawProperties properties;
    private final Clock clock;

    public Law(LawProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public ZoneId zone() {
        return properties.zone();
    }

    /** The provision an order issued at {@code at} is issued under. */
    public LegalBasis orderBasis(Instant at) {
        return basisOn(properties.legalBases(), at).legalBasis();
    }

    /** The provision a violation that happened at {@code at} falls under. */
    public LegalBasis violationBasis(Instant at) {
        return basisOn(properties.violationBases(), at).legalBasis();
    }

    /** When an order served at {@code servedAt} stops being in force. */
    public Instant validUntil(Instant servedAt) {
        LawProperties.Term term = properties.term();
        return switch (term.counting()) {
            case END_OF_DAY ->
                servedAt.atZone(zone())
                        .toLocalDate()
                        .plusDays(term.days() + 1L)
                        .atStartOfDay(zone())
                        .toInstant();
            case EXACT -> servedAt.plus(Duration.ofDays(term.days()));
        };
    }

    /** When an issued order's service falls overdue. */
    public Instant serviceDue(Instant issuedAt) {
        return issuedAt.plus(properties.serviceOverdue().value());
    }

    /** When the next check falls due after the later of service and the last check. */
    public Instant checkDue(Instant since) {
        return since.plus(properties.checkInterval().value());
    }

    /** When the unit is to be warned of the end of the term. */
    public Instant expiryWarning(Instant validUntil) {
        return validUntil.minus(properties.expiryWarning().value());
    }

    /** The earliest time an officer may now enter something as having happened. */
    public Instant earliestBackdated(Instant now) {
        return now.minus(properties.backdating().value());
    }

    /** How long ago a thing may have happened when an officer enters it. */
    public Duration backdating() {
        return properties.backdating().value();
    }

    /** A second order against the same person within this window of the first marks a repeat offender. */
    public Instant repeatWindowStart(Instant issuedAt) {
        return issuedAt.minus(properties.repeatWindow().value());
    }

    /** The youngest age, in whole years, a person may have an order issued against them. */
    public int minimumOffenderAge() {
        return properties.minimumOffenderAge().years();
    }

    /** The provision special requirements imposed on {@code day} are imposed under. */
    public LegalBasis requirementsBasis(LocalDate day) {
        return basisOn(properties.specialRequirements().legalBases(), startOf(day))
                .legalBasis();
    }

    /** The limits of special requirements: term, maximum with extensions, reporting per month. */
    public LawProperties.SpecialRequirements specialRequirements() {
        return properties.specialRequirements();
    }

    /** The first instant of {@code day} in the law's zone (00:00 in Almaty). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    /** The day, in the law's zone, that {@code at} falls on. */
    public LocalDate dayOf(Instant at) {
        return at.atZone(zone()).toLocalDate();
    }

    /**
     * When special requirements in force from {@code effective} for {@code months} end: 24:00 of the day
     * before the same date {@code months} later, in the law's zone.
     */
    public Instant requirementsEnd(LocalDate effective, int months) {
        return startOf(effective.plusMonths(months));
    }

    /** When the risk assessed at {@code level} at {@code assessedAt} is to be re-assessed. */
    public Instant reassessmentDue(RiskLevel level, Instant assessedAt) {
        return assessedAt.plus(properties.riskReassessment().of(level));
    }

    /** Today in the law's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    private LawProperties.DatedBasis basisOn(List<LawProperties.DatedBasis> bases, Instant at) {
        LocalDate day = at.atZone(zone()).toLocalDate();
        LawProperties.DatedBasis found = null;
        for (LawProperties.DatedBasis basis : bases) {
            if (!basis.from().isAfter(day)) {
                found = basis;
            }
        }
        if (found == null) {
            // Before the earliest configured law: the earliest is the best answer there is.
            return bases.get(0);
        }
        return found;
    }
}
