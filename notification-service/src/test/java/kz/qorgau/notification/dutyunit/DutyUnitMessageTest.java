package kz.qorgau.notification.dutyunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.Prohibition;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.notification.notice.EmailContent;
import org.junit.jupiter.api.Test;

class DutyUnitMessageTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private static OrderIssued order(String orderNumber, List<Prohibition> prohibitions, Instant validUntil) {
        return new OrderIssued(
                "3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43",
                orderNumber,
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "officer-48213",
                prohibitions,
                Instant.parse("2026-03-01T10:15:30Z"),
                validUntil,
                new LegalBasis("KZ-214-IV", "20", "2024-06-16"),
                new SealedField("k1", SealedField.AES_256_GCM, "bm9uY2U=", "Y2lwaGVydGV4dA=="));
    }

    @Test
    void namesTheOrderInKazakhThenRussianWithEveryProhibitionAndTheLocalTime() {
        EmailContent mail = DutyUnitMessage.of(order("AST-2026-000123", List.of(Prohibition.values()), null), ALMATY);

        assertThat(mail.subject()).isEqualTo("Қорғау нұсқамасы / Защитное предписание № AST-2026-000123 (AST-ESIL)");
        String body = mail.body();
        String kazakh = body.substring(0, body.indexOf("Дежурной части"));
        String russian = body.substring(body.indexOf("Дежурной части"));
        assertThat(kazakh)
                .startsWith("Кезекші бөлімге")
                .contains("Нұсқаманың нөмірі: AST-2026-000123", "Аудан: AST-ESIL", "Полиция бөлімшесі: AST-ESIL-UP-02")
                .contains("Берілген уақыты: 01.03.2026 15:15 (UTC+05:00)")
                .contains(
                        "тұрмыстық зорлық-зомбылық жасауға;",
                        "іздеуге;",
                        "соңынан түсуге;",
                        "баруға;",
                        "байланысқа түсуге.");
        assertThat(russian)
                .contains(
                        "Номер предписания: AST-2026-000123",
                        "Район: AST-ESIL",
                        "Подразделение полиции: AST-ESIL-UP-02")
                .contains("Время выдачи: 01.03.2026 15:15 (UTC+05:00)")
                .contains(
                        "совершать бытовое насилие;",
                        "разыскивать потерпевшего",
                        "преследовать потерпевшего",
                        "посещать потерпевшего",
                        "контактировать с потерпевшим вопреки его воле.");
        assertThat(body).doesNotContain("http", "www.", "officer-48213", "Действует до");
    }

    @Test
    void statesTheExpiryOnceTheOrderHasOne() {
        EmailContent mail = DutyUnitMessage.of(
                order("AST-1", List.of(Prohibition.DOMESTIC_VIOLENCE), Instant.parse("2026-03-31T10:15:30Z")), ALMATY);

        assertThat(mail.body())
                .contains("Қолданылу мерзімі: 31.03.2026 15:15 (UTC+05:00) дейін")
                .contains("Действует до: 31.03.2026 15:15 (UTC+05:00)");
    }

    @Test
    void keepsControlCharactersOfTheCodesOutOfSubjectAndBody() {
        EmailContent mail = DutyUnitMessage.of(
                order("AST-1\r\nBcc: someone", List.of(Prohibition.DOMESTIC_VIOLENCE), null), ALMATY);

        assertThat(mail.subject()).doesNotContain("\r", "\n").contains("AST-1  Bcc: someone");
        assertThat(mail.body()).doesNotContain("\r");
    }
}
