package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.AccessKind;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.PersonCheckHit;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person check's hit on {@code qorgau.access} in, one notice per matched order's unit recorded and mailed out,
 * on the real broker, database and SMTP inbox (docs/adr/0028); the check's access record beside it tells no one.
 */
@SpringBootTest
@QorgauInfrastructure(smtp = true)
@Import(OrderServiceTopics.class)
class PersonCheckHitNoticeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String UP02 = "up02.almaty-bostandyk@police.example.kz";
    private static final String MEDEU_DUTY = "duty.almaty-medeu@police.example.kz";

    private static EventTopicWriter writer;

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void openWriter(@Autowired TestInfrastructure infrastructure) {
        writer = EventTopicWriter.open(infrastructure.kafka());
    }

    @AfterAll
    static void closeWriter() {
        writer.close();
    }

    @Test
    void anOffenderEncounteredTellsEachMatchedOrdersUnitRoutinely() throws MessagingException, IOException {
        String accessId = UUID.randomUUID().toString();
        String bostandyk = "ALM-2026-" + accessId.substring(0, 6);
        String medeu = "ALM-2026-" + accessId.substring(6, 8) + "7777";
        // The check's own access record comes first, with the same key: it is the audit trail's, no notice.
        writer.send(accessTopic(), EventEnvelope.of(EventSources.ORDER_SERVICE, 1, check(accessId)));
        EventEnvelope<PersonCheckHit> hit = hit(
                accessId,
                PersonCheckHit.PersonRole.OFFENDER,
                new PersonCheckHit.Match(
                        UUID.randomUUID().toString(), bostandyk, "ALM-BOSTANDYK", "ALM-BOSTANDYK-UP-02"),
                new PersonCheckHit.Match(UUID.randomUUID().toString(), medeu, "ALM-MEDEU", "ALM-MEDEU-UP-07"));
        writer.send(accessTopic(), hit);

        List<Map<String, Object>> notices = awaitSent(hit, 2);
        assertThat(notices)
                .extracting(notice -> notice.get("recipient_role") + " " + notice.get("recipient"))
                .containsExactlyInAnyOrder(
                        // The issuing unit where it has an address; the order's duty unit where it has none.
                        "ISSUING_UNIT " + UP02, "DUTY_UNIT " + MEDEU_DUTY);
        assertThat(notices).allSatisfy(notice -> {
            assertThat(notice.get("urgency")).isEqualTo("ROUTINE");
            assertThat(notice.get("order_id")).isEqualTo(UUID.fromString(accessId));
        });
        MimeMessage mail = awaitMail(bostandyk);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(UP02);
        assertThat(mail.getSubject()).contains("Лицо найдено при проверке", bostandyk);
        String body = (String) mail.getContent();
        assertThat(body)
                .contains("Проверен как нарушитель", "demo-officer-b (AST-ESIL)", "ALM-BOSTANDYK-UP-02")
                .doesNotContain("victim", "жәбірленуші", "потерпевш");
        assertThat(awaitMail(medeu).getAllRecipients()[0].toString()).isEqualTo(MEDEU_DUTY);
        assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE order_id = :accessId")
                        .param("accessId", UUID.fromString(accessId))
                        .query(Integer.class)
                        .single())
                .as("the access record added nothing")
                .isEqualTo(2);
    }

    @Test
    void aProtectedPersonCheckedFromAnotherDistrictIsUrgentForTheUnit() throws MessagingException, IOException {
        String accessId = UUID.randomUUID().toString();
        String number = "ALM-2026-" + accessId.substring(0, 6) + "P";
        EventEnvelope<PersonCheckHit> hit = hit(
                accessId,
                PersonCheckHit.PersonRole.PROTECTED_PERSON,
                new PersonCheckHit.Match(UUID.randomUUID().toString(), number, "ALM-BOSTANDYK", "ALM-BOSTANDYK-UP-02"));
        writer.send(accessTopic(), hit);
        // Delivered twice: still one notice.
        writer.send(accessTopic(), hit);

        Map<String, Object> notice = awaitSent(hit, 1).get(0);
        assertThat(notice.get("recipient")).isEqualTo(UP02);
        assertThat(notice.get("urgency")).isEqualTo("URGENT");
        assertThat((String) awaitMail(number).getContent()).contains("Проверен как защищаемое лицо");
    }

    private List<Map<String, Object>> awaitSent(EventEnvelope<PersonCheckHit> hit, int count) {
        List<Map<String, Object>> notices = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            notices.clear();
            notices.addAll(jdbc.sql("SELECT * FROM notice WHERE event_id = :eventId AND status = 'SENT'")
                    .param("eventId", hit.id())
                    .query()
                    .listOfRows());
            return notices.size() >= count;
        });
        assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE event_id = :eventId")
                        .param("eventId", hit.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(count);
        return notices;
    }

    private MimeMessage awaitMail(String orderNumber) {
        return await().atMost(WAIT)
                .until(
                        () -> infrastructure.inbox().receivedMessages().stream()
                                .filter(mail -> subject(mail).contains(orderNumber))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String accessTopic() {
        return infrastructure.topic(Topics.ACCESS_TOPIC);
    }

    private static EventEnvelope<PersonCheckHit> hit(
            String accessId, PersonCheckHit.PersonRole personWas, PersonCheckHit.Match... matches) {
        return EventEnvelope.of(
                EventSources.ORDER_SERVICE,
                2,
                new PersonCheckHit(
                        accessId,
                        Instant.now(),
                        new AccessRecorded.Accessor("demo-officer-b", List.of("OFFICER"), "AST-ESIL"),
                        personWas,
                        List.of(matches)));
    }

    private static AccessRecorded check(String accessId) {
        return new AccessRecorded(
                accessId,
                Instant.now(),
                AccessKind.PERSON_CHECK,
                new AccessRecorded.Accessor("demo-officer-b", List.of("OFFICER"), "AST-ESIL"),
                null,
                null,
                List.of(),
                "Call-out 102-2026-004517",
                null,
                2,
                false);
    }
}
