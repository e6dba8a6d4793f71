package kz.qorgau.notification.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.events.RiskLevelChanged;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.notification.notice.Occurrence;
import kz.qorgau.notification.notice.OrderFact;
import kz.qorgau.notification.notice.RiskUrgency;
import kz.qorgau.notification.notice.Urgency;
import org.junit.jupiter.api.Test;

/**
 * What an order's risk level does to its police notices (docs/adr/0039), without Spring: the urgency, and which
 * re-assessments tell the duty unit.
 */
class RiskUrgencyTest {

    private static final String ORDER = UUID.randomUUID().toString();
    private static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void atHighOrExtremeRiskARoutineNoticeIsUrgentAndBelowItStaysAsItWas() {
        assertThat(RiskUrgency.of(Urgency.ROUTINE, RiskLevel.HIGH)).isEqualTo(Urgency.URGENT);
        assertThat(RiskUrgency.of(Urgency.ROUTINE, RiskLevel.EXTREME)).isEqualTo(Urgency.URGENT);
        assertThat(RiskUrgency.of(Urgency.ROUTINE, RiskLevel.MEDIUM)).isEqualTo(Urgency.ROUTINE);
        assertThat(RiskUrgency.of(Urgency.ROUTINE, RiskLevel.LOW)).isEqualTo(Urgency.ROUTINE);
        assertThat(RiskUrgency.of(Urgency.ROUTINE, null)).as("not known").isEqualTo(Urgency.ROUTINE);
        // The level never lowers an urgent notice.
        assertThat(RiskUrgency.of(Urgency.URGENT, RiskLevel.LOW)).isEqualTo(Urgency.URGENT);
    }

    @Test
    void aFactAtRiskKeepsTheLevelForTheTextAndTakesItsUrgency() {
        OrderFact overdue =
                OrderFacts.of(new ServiceOverdue(ORDER, "ҚН-1", "ALM-BOSTANDYK", "UP-1", AT, AT.plusSeconds(60)));
        assertThat(overdue.urgency()).isEqualTo(Urgency.ROUTINE);

        OrderFact extreme = overdue.atRisk(RiskLevel.EXTREME);
        assertThat(extreme.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(extreme.riskLevel()).isEqualTo(RiskLevel.EXTREME);
        OrderFact medium = overdue.atRisk(RiskLevel.MEDIUM);
        assertThat(medium.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(medium.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(overdue.atRisk(null)).isEqualTo(overdue);
    }

    @Test
    void onlyARaiseToHighOrExtremeTellsThePolice() {
        OrderFact raised = OrderFacts.of(changed(RiskLevel.MEDIUM, RiskLevel.EXTREME, null));
        assertThat(raised.what()).isEqualTo(Occurrence.RISK_RAISED);
        assertThat(raised.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(raised.riskLevel()).isEqualTo(RiskLevel.EXTREME);
        assertThat(raised.detail()).contains("орташа").contains("средний");
        assertThat(OrderFacts.of(changed(RiskLevel.HIGH, RiskLevel.EXTREME, null))
                        .what())
                .isEqualTo(Occurrence.RISK_RAISED);
        assertThat(OrderFacts.of(changed(RiskLevel.LOW, RiskLevel.HIGH, null)).riskLevel())
                .isEqualTo(RiskLevel.HIGH);

        assertThat(OrderFacts.of(changed(null, RiskLevel.EXTREME, null)))
                .as("set at issue: the order-issued notice names it")
                .isNull();
        assertThat(OrderFacts.of(changed(RiskLevel.LOW, RiskLevel.MEDIUM, null)))
                .isNull();
        assertThat(OrderFacts.of(changed(RiskLevel.HIGH, RiskLevel.HIGH, null)))
                .as("confirmed")
                .isNull();
        assertThat(OrderFacts.of(changed(RiskLevel.EXTREME, RiskLevel.HIGH, "SITUATION_CHANGED")))
                .as("lowered")
                .isNull();
        assertThat(OrderFacts.district(changed(RiskLevel.LOW, RiskLevel.HIGH, null)))
                .isEqualTo("ALM-BOSTANDYK");
    }

    private static RiskLevelChanged changed(RiskLevel previous, RiskLevel level, String reason) {
        return new RiskLevelChanged(
                ORDER, "ҚН-1", "ALM-BOSTANDYK", "UP-1", "officer-1", previous, level, reason, AT, AT);
    }
}
