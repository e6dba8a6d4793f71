package kz.qorgau.order.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.RiskLevel;
import org.junit.jupiter.api.Test;

/** The law's arithmetic in Asia/Almaty, and the effective dates of its provisions. */
class LawTest {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    static final LawProperties.DatedBasis OLD_LAW = new LawProperties.DatedBasis(
            LocalDate.parse("2010-01-01"), "KZ-214-IV", "20", "2024-06-16", null, Confidence.UNVERIFIED);
    static final LawProperties.DatedBasis NEW_LAW = new LawProperties.DatedBasis(
            LocalDate.parse("2026-03-02"), "KZ-245-VIII", "60", "2026-03-02", null, Confidence.SECONDARY);
    static final LawProperties.DatedBasis ART_461 = new LawProperties.DatedBasis(
            LocalDate.parse("2023-07-01"), "KZ-CAO-235-V", "461", "2023-07-01", "arrest", Confidence.UNVERIFIED);

    static Law law(LawProperties.Term term) {
        LawProperties properties = new LawProperties(
                ALMATY,
                List.of(NEW_LAW, OLD_LAW),
                List.of(ART_461),
                term,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new Law(properties, Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    }

    static final Law LAW = law(null);

    @Test
    void almatyIsUtcPlusFiveSinceMarch2024InTheJdksTimeZoneData() {
        var rules = ALMATY.getRules();
        assertThat(rules.getOffset(Instant.parse("2024-02-29T12:00:00Z"))).isEqualTo(ZoneOffset.ofHours(6));
        for (String instant : List.of(
                "2024-03-01T00:00:00Z", "2024-07-01T00:00:00Z", "2025-01-15T00:00:00Z", "2026-03-02T00:00:00Z")) {
            assertThat(rules.getOffset(Instant.parse(instant))).as(instant).isEqualTo(ZoneOffset.ofHours(5));
        }
    }

    @Test
    void anOrderIsInForceToTheEndOfTheThirtiethDayAfterTheDayOfService() {
        // Served at 23:59:59 on 2 March in Almaty: the 30th day after is 1 April, which ends at 24:00 Almaty.
        assertThat(LAW.validUntil(Instant.parse("2026-03-02T18:59:59Z")))
                .isEqualTo(Instant.parse("2026-04-01T19:00:00Z"));
        // One second later it is 3 March in Almaty (still 2 March in UTC): one more day.
        assertThat(LAW.validUntil(Instant.parse("2026-03-02T19:00:00Z")))
                .isEqualTo(Instant.parse("2026-04-02T19:00:00Z"));
        // Served at 00:00 Almaty: the whole first day counts as the day of service.
        assertThat(LAW.validUntil(Instant.parse("2026-03-01T19:00:00Z")))
                .isEqualTo(Instant.parse("2026-04-01T19:00:00Z"));
    }

    @Test
    void theDayCountingRuleIsConfigurable() {
        Law exact = law(new LawProperties.Term(30, LawProperties.Counting.EXACT, Confidence.POLICY));

        assertThat(exact.validUntil(Instant.parse("2026-03-02T18:59:59Z")))
                .isEqualTo(Instant.parse("2026-04-01T18:59:59Z"));
    }

    @Test
    void ordersCiteTheLawInForceOnTheirDayInAlmaty() {
        assertThat(LAW.orderBasis(Instant.parse("2026-03-01T18:59:59Z")))
                .isEqualTo(new LegalBasis("KZ-214-IV", "20", "2024-06-16"));
        // 00:00 on 2 March 2026 in Almaty, still 1 March in UTC.
        assertThat(LAW.orderBasis(Instant.parse("2026-03-01T19:00:00Z")))
                .isEqualTo(new LegalBasis("KZ-245-VIII", "60", "2026-03-02"));
        assertThat(LAW.violationBasis(Instant.parse("2026-03-10T00:00:00Z")).article())
                .isEqualTo("461");
    }

    @Test
    void unconfiguredFactsHaveTheSafeDefaultsOfTheDomainNotes() {
        LawProperties defaults = new LawProperties(
                ALMATY, List.of(NEW_LAW), List.of(ART_461), null, null, null, null, null, null, null, null, null);

        assertThat(defaults.term().days()).isEqualTo(30);
        assertThat(defaults.checkInterval().value()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.serviceOverdue().value()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.expiryWarning().value()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.backdating().value()).isEqualTo(Duration.ofHours(72));
        assertThat(defaults.minimumOffenderAge().years()).isEqualTo(16);
        assertThat(defaults.minimumOffenderAge().confidence()).isEqualTo(Confidence.UNVERIFIED);
        // VioGén's re-assessment cadence.
        assertThat(defaults.riskReassessment().of(RiskLevel.EXTREME)).isEqualTo(Duration.ofHours(72));
        assertThat(defaults.riskReassessment().of(RiskLevel.HIGH)).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.riskReassessment().of(RiskLevel.MEDIUM)).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.riskReassessment().of(RiskLevel.LOW)).isEqualTo(Duration.ofDays(60));
    }

    @Test
    void aLawWithoutAnyLegalBasisDoesNotStart() {
        assertThatThrownBy(() -> new LawProperties(
                        ALMATY, List.of(), List.of(ART_461), null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("qorgau.orders.legal-bases");
    }

    @Test
    void duesAreCountedFromTheirEvents() {
        Instant served = Instant.parse("2026-03-02T09:40:00Z");

        assertThat(LAW.checkDue(served)).isEqualTo(Instant.parse("2026-03-09T09:40:00Z"));
        assertThat(LAW.serviceDue(served)).isEqualTo(Instant.parse("2026-03-03T09:40:00Z"));
        assertThat(LAW.expiryWarning(Instant.parse("2026-04-01T19:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-25T19:00:00Z"));
        assertThat(LAW.earliestBackdated(served)).isEqualTo(Instant.parse("2026-02-27T09:40:00Z"));
    }

    @Test
    void specialRequirementsRunInWholeMonthsFromTheirEffectiveDayInAlmaty() {
        // Effective 5 March 2026 for 6 months: in force to 24:00 on 4 September in Almaty (19:00 UTC).
        assertThat(LAW.requirementsEnd(LocalDate.parse("2026-03-05"), 6))
                .isEqualTo(Instant.parse("2026-09-04T19:00:00Z"));
        assertThat(LAW.startOf(LocalDate.parse("2026-03-05"))).isEqualTo(Instant.parse("2026-03-04T19:00:00Z"));
        assertThat(LAW.dayOf(Instant.parse("2026-03-04T19:00:00Z"))).isEqualTo(LocalDate.parse("2026-03-05"));
        assertThat(LAW.requirementsBasis(LocalDate.parse("2026-03-01")).article())
                .isEqualTo("22");
        assertThat(LAW.requirementsBasis(LocalDate.parse("2026-03-02")).article())
                .isEqualTo("61");
        LawProperties.SpecialRequirements limits = LAW.specialRequirements();
        assertThat(limits.term().min()).isEqualTo(3);
        assertThat(limits.term().max()).isEqualTo(12);
        assertThat(limits.reportingPerMonth().contains(4)).isTrue();
        assertThat(limits.reportingPerMonth().contains(5)).isFalse();
        assertThatThrownBy(() -> new LawProperties.SpecialRequirements(
                        null,
                        new LawProperties.MonthRange(3, 12, Confidence.VERIFIED),
                        new LawProperties.MonthRange(3, 6, Confidence.UNVERIFIED),
                        null))
                .hasMessageContaining("maximum-total");
    }
}
