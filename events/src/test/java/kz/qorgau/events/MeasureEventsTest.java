package kz.qorgau.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import org.junit.jupiter.api.Test;

/** Special requirements and the register: keyed by their order, or by their own id without one. */
class MeasureEventsTest {

    @Test
    void theOrderIsTheSubjectWhenThereIsOneAndTheMeasureOtherwise() {
        assertThat(TestEvents.specialRequirementsImposed().subject()).isEqualTo(TestEvents.ORDER_ID);
        assertThat(TestEvents.specialRequirementsWithoutOrder().subject()).isEqualTo(TestEvents.REQUIREMENTS_ID);
        RegisterExited exited = new RegisterExited(
                null, TestEvents.REQUIREMENTS_ID, Measure.SPECIAL_REQUIREMENTS, "AST-ESIL", Instant.now());
        assertThat(exited.subject()).isEqualTo(TestEvents.REQUIREMENTS_ID);
        assertThat(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, exited).subject())
                .isEqualTo(TestEvents.REQUIREMENTS_ID);
    }

    @Test
    void requirementsWithoutAnOrderNameTheirAdministrativeCase() {
        SpecialRequirementsImposed sample = TestEvents.specialRequirementsWithoutOrder();
        assertThatThrownBy(() -> new SpecialRequirementsImposed(
                        null,
                        sample.requirementsId(),
                        null,
                        sample.district(),
                        sample.court(),
                        sample.caseNumber(),
                        sample.imposedBy(),
                        sample.bans(),
                        sample.decisionDate(),
                        sample.effectiveFrom(),
                        sample.validUntil(),
                        sample.legalBasis(),
                        sample.recordedAt()))
                .isInstanceOf(EventContractException.class)
                .hasMessageContaining("administrativeCase");
    }

    @Test
    void anExtensionEndsLater() {
        SpecialRequirementsExtended sample = TestEvents.specialRequirementsExtended();
        assertThatThrownBy(() -> new SpecialRequirementsExtended(
                        sample.orderId(),
                        sample.requirementsId(),
                        sample.district(),
                        sample.court(),
                        sample.caseNumber(),
                        sample.extendedBy(),
                        sample.decisionDate(),
                        sample.validUntil(),
                        sample.previousValidUntil(),
                        sample.recordedAt()))
                .isInstanceOf(EventContractException.class)
                .hasMessageContaining("validUntil");
    }

    @Test
    void aBanWithoutAnOrderNamesItsCriminalCaseAndIsItsOwnSubject() {
        ApproachBanImposed withCase = new ApproachBanImposed(
                null,
                TestEvents.BAN_ID,
                "AST-ESIL-CR-2026-77",
                "AST-ESIL",
                "AST-SMAS-02",
                "7110-26-00-1/0457",
                "court-clerk-2201",
                100,
                Instant.parse("2026-03-12T19:00:00Z"),
                null,
                Instant.parse("2026-03-13T04:20:00Z"));
        assertThat(withCase.subject()).isEqualTo(TestEvents.BAN_ID);
        assertThatThrownBy(() -> new ApproachBanImposed(
                        null,
                        TestEvents.BAN_ID,
                        null,
                        "AST-ESIL",
                        "AST-SMAS-02",
                        "7110-26-00-1/0457",
                        "court-clerk-2201",
                        100,
                        Instant.parse("2026-03-12T19:00:00Z"),
                        null,
                        Instant.parse("2026-03-13T04:20:00Z")))
                .isInstanceOf(EventContractException.class)
                .hasMessageContaining("criminalCase");
    }

    @Test
    void loweringTheRiskNeedsAReason() {
        RiskLevelChanged sample = TestEvents.riskLevelChanged();
        assertThatThrownBy(() -> new RiskLevelChanged(
                        sample.orderId(),
                        sample.orderNumber(),
                        sample.district(),
                        sample.policeUnit(),
                        sample.assessedBy(),
                        RiskLevel.HIGH,
                        RiskLevel.LOW,
                        null,
                        sample.assessedAt(),
                        sample.recordedAt()))
                .isInstanceOf(EventContractException.class)
                .hasMessageContaining("reason");
    }
}
