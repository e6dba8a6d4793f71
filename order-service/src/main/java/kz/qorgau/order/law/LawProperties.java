package kz.qorgau.order.law;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.RiskLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.orders.*}: the facts of the law an order lives by, each with its confidence mark, and
 * the zone its days are counted in. Facts that change with the law are effective-dated lists; the
 * defaults (application.yml and here) are the values of {@code domain-notes.md} section 5, several of
 * them unverified: confirm them against the statute before production (docs/configuration.md).
 *
 * @param zone where days, terms and "today" are counted (stored times are UTC)
 * @param legalBases the provision orders are issued under, by the date it came into force
 * @param violationBases the provision a violation falls under and its sanction, by date
 * @param term how long an order is in force once served
 * @param checkInterval how often the offender is checked, counted from service
 * @param serviceOverdue how long an issued order may stay unserved before the unit is told
 * @param expiryWarning how long before the end of the term the unit is asked to re-assess
 * @param minimumOffenderAge the youngest person an order may be issued against
 * @param backdating how long ago a thing may have happened when an officer enters it
 * @param repeatWindow a second order within this time marks a repeat offender
 * @param specialRequirements the court's special requirements: their provision, term and reporting
 * @param riskReassessment how soon an order's risk is re-assessed, by level
 */
@ConfigurationProperties("qorgau.orders")
public record LawProperties(
        @DefaultValue("Asia/Almaty") ZoneId zone,
        List<DatedBasis> legalBases,
        List<DatedBasis> violationBases,
        Term term,
        Interval checkInterval,
        Interval serviceOverdue,
        Interval expiryWarning,
        MinimumAge minimumOffenderAge,
        Interval backdating,
        Interval repeatWindow,
        SpecialRequirements specialRequirements,
        RiskReassessment riskReassessment) {

    public LawProperties {
        legalBases = sorted("qorgau.orders.legal-bases", legalBases);
        violationBases = sorted("qorgau.orders.violation-bases", violationBases);
        // Safe working defaults for whatever is not configured (the values of domain-notes section 5).
        term = term != null ? term : new Term(30, Counting.END_OF_DAY, Confidence.SECONDARY);
        checkInterval = orDefault(checkInterval, Duration.ofDays(7), Confidence.SECONDARY);
        serviceOverdue = orDefault(serviceOverdue, Duration.ofHours(24), Confidence.UNVERIFIED);
        expiryWarning = orDefault(expiryWarning, Duration.ofDays(7), Confidence.POLICY);
        minimumOffenderAge =
                minimumOffenderAge != null ? minimumOffenderAge : new MinimumAge(16, Confidence.UNVERIFIED);
        backdating = orDefault(backdating, Duration.ofHours(72), Confidence.POLICY);
        repeatWindow = orDefault(repeatWindow, Duration.ofDays(365), Confidence.SECONDARY);
        specialRequirements =
                specialRequirements != null ? specialRequirements : new SpecialRequirements(null, null, null, null);
        riskReassessment =
                riskReassessment != null ? riskReassessment : new RiskReassessment(null, null, null, null, null);
    }

    private static Interval orDefault(Interval configured, Duration value, Confidence confidence) {
        return configured != null && configured.value() != null
                ? configured
                : new Interval(
                        value,
                        configured != null && configured.confidence() != null ? configured.confidence() : confidence);
    }

    private static List<DatedBasis> sorted(String name, List<DatedBasis> bases) {
        if (bases == null || bases.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one entry (from, law, article, version)");
        }
        return bases.stream().sorted(Comparator.comparing(DatedBasis::from)).toList();
    }

    /**
     * A provision in force from a date on (until the next entry's date).
     *
     * @param from the first day (in {@link #zone}) it applies to
     * @param sanction what a breach costs, for violations (e.g. "administrative arrest up to 5 days");
     *     {@code null} for orders
     */
    public record DatedBasis(
            LocalDate from,
            String law,
            String article,
            String version,
            String sanction,
            @DefaultValue("UNVERIFIED") Confidence confidence) {

        public DatedBasis {
            if (from == null) {
                throw new IllegalArgumentException("a dated legal basis needs its from date");
            }
            // Validated by the contract's record, so a bad setting fails the start, not an order.
            new LegalBasis(law, article, version);
        }

        public LegalBasis legalBasis() {
            return new LegalBasis(law, article, version);
        }
    }

    /**
     * @param days how many days an order is in force
     * @param counting how the last day is found
     */
    public record Term(
            @DefaultValue("30") int days,
            @DefaultValue("END_OF_DAY") Counting counting,
            @DefaultValue("SECONDARY") Confidence confidence) {

        public Term {
            if (days < 1) {
                throw new IllegalArgumentException("qorgau.orders.term.days must be at least 1");
            }
        }
    }

    /** How the end of a term is counted. */
    public enum Counting {
        /** To the end (24:00 in the zone) of the n-th day after the day of service. */
        END_OF_DAY,
        /** Exactly n times 24 hours from the moment of service. */
        EXACT
    }

    public record Interval(Duration value, Confidence confidence) {

        public Interval {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("a legal interval must be positive");
            }
        }
    }

    public record MinimumAge(@DefaultValue("16") int years, @DefaultValue("UNVERIFIED") Confidence confidence) {}

    /**
     * The court's special requirements (DV law art. 22, CAO art. 54; Law 245-VIII art. 61 from 2026).
     *
     * @param legalBases the provision they are imposed under, by the date it came into force
     * @param term the shortest and longest term a court sets, in months from the effective date
     * @param maximumTotal the longest they may last with every extension, in months from the effective date
     * @param reportingPerMonth how often the offender may be made to report to the police, per month
     */
    public record SpecialRequirements(
            List<DatedBasis> legalBases, MonthRange term, MonthRange maximumTotal, MonthRange reportingPerMonth) {

        public SpecialRequirements {
            legalBases = legalBases == null || legalBases.isEmpty()
                    ? List.of(
                            new DatedBasis(
                                    LocalDate.of(2010, 1, 1),
                                    "KZ-214-IV",
                                    "22",
                                    "2024-06-16",
                                    null,
                                    Confidence.VERIFIED),
                            new DatedBasis(
                                    LocalDate.of(2026, 3, 2),
                                    "KZ-245-VIII",
                                    "61",
                                    "2026-03-02",
                                    null,
                                    Confidence.UNVERIFIED))
                    : sorted("qorgau.orders.special-requirements.legal-bases", legalBases);
            term = term != null ? term : new MonthRange(3, 12, Confidence.VERIFIED);
            maximumTotal = maximumTotal != null ? maximumTotal : new MonthRange(3, 12, Confidence.UNVERIFIED);
            reportingPerMonth =
                    reportingPerMonth != null ? reportingPerMonth : new MonthRange(1, 4, Confidence.VERIFIED);
            if (maximumTotal.max() < term.max()) {
                throw new IllegalArgumentException(
                        "qorgau.orders.special-requirements.maximum-total.max must not be below term.max");
            }
        }
    }

    /** A range of whole numbers (months, or visits a month), both ends included. */
    public record MonthRange(int min, int max, @DefaultValue("UNVERIFIED") Confidence confidence) {

        public MonthRange {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("a range needs 1 <= min <= max");
            }
        }

        public boolean contains(int value) {
            return value >= min && value <= max;
        }
    }

    /**
     * How long after an assessment the risk is to be re-assessed, by level: VioGén's cadence (domain-notes
     * 5.3, a 2014 news source; later instructions may differ).
     */
    public record RiskReassessment(
            Duration extreme, Duration high, Duration medium, Duration low, Confidence confidence) {

        public RiskReassessment {
            extreme = positive(extreme, Duration.ofHours(72));
            high = positive(high, Duration.ofDays(7));
            medium = positive(medium, Duration.ofDays(30));
            low = positive(low, Duration.ofDays(60));
            confidence = confidence != null ? confidence : Confidence.SECONDARY;
        }

        /** The interval for {@code level}. */
        public Duration of(RiskLevel level) {
            return switch (level) {
                case EXTREME -> extreme;
                case HIGH -> high;
                case MEDIUM -> medium;
                case LOW -> low;
            };
        }

        private static Duration positive(Duration configured, Duration otherwise) {
            if (configured != null && (configured.isNegative() || configured.isZero())) {
                throw new IllegalArgumentException("a re-assessment interval must be positive");
            }
            return configured != null ? configured : otherwise;
        }
    }
}
