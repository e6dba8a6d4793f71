package kz.qorgau.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.Occurrence;
import kz.qorgau.notification.notice.OrderFact;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.RecipientKind;
import kz.qorgau.notification.notice.Urgency;
import org.junit.jupiter.api.Test;

class PoliceNoticesTest {

    private static final RecipientKind DUTY_UNIT = new RecipientKind() {
        @Override
        public String role() {
            return "DUTY_UNIT";
        }

        @Override
        public List<Recipient> recipients(String district, String policeUnit) {
            return List.of();
        }
    };

    @Test
    void aRoutedRoleThatNoRecipientKindAnswersToStopsTheStart() {
        assertThatThrownBy(() -> new PoliceNotices(
                        List.of(DUTY_UNIT), routing(List.of("DUTY_UNIT", "DISTRICT_INSPECTOR")), null, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DISTRICT_INSPECTOR");
        assertThatCode(() -> new PoliceNotices(List.of(DUTY_UNIT), routing(List.of("DUTY_UNIT")), null, null, null))
                .doesNotThrowAnyException();
    }

    @Test
    void theNoticeNamesTheOrdersRiskLevelInBothLanguagesAndTheWebhookAsAField() {
        OrderFact fact = new OrderFact(
                        Occurrence.SERVICE_OVERDUE,
                        UUID.randomUUID().toString(),
                        "ҚН-1",
                        "ALM-BOSTANDYK",
                        "UP-1",
                        Instant.parse("2026-11-30T08:00:00Z"))
                .atRisk(RiskLevel.EXTREME);
        NoticeCause cause = new NoticeCause(
                UUID.randomUUID(), fact.orderId(), ServiceOverdue.TYPE, 3, OffsetDateTime.now(), null, null);

        NoticeDraft mail = PoliceMessage.draft(
                new Recipient("DUTY_UNIT", NotificationChannel.EMAIL, "duty@police.example.kz"),
                cause,
                fact,
                ZoneId.of("Asia/Almaty"));
        NoticeDraft webhook = PoliceMessage.draft(
                new Recipient("DUTY_UNIT", NotificationChannel.WEBHOOK, "https://dispatch.example.kz/"),
                cause,
                fact,
                ZoneId.of("Asia/Almaty"));

        assertThat(mail.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(mail.body()).contains("Қауіп деңгейі: аса жоғары").contains("Уровень риска: крайне высокий");
        assertThat(webhook.body()).contains("\"riskLevel\":\"EXTREME\"").contains("\"urgency\":\"URGENT\"");
        OrderFact unknown =
                new OrderFact(Occurrence.SERVICE_OVERDUE, fact.orderId(), "ҚН-1", "ALM-BOSTANDYK", "UP-1", fact.at());
        assertThat(PoliceMessage.draft(mail.recipient(), cause, unknown, ZoneId.of("Asia/Almaty"))
                        .body())
                .doesNotContain("Уровень риска");
    }

    private static RoutingProperties routing(List<String> violationReported) {
        List<String> duty = List.of("DUTY_UNIT");
        return new RoutingProperties(duty, duty, duty, violationReported, duty, duty, duty, duty, duty, duty, duty);
    }
}
