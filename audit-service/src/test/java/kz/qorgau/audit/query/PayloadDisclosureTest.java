package kz.qorgau.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.audit.CatalogueTopics;
import kz.qorgau.audit.ExampleEvents;
import kz.qorgau.audit.access.AuditApi;
import kz.qorgau.audit.checkpoint.CheckpointLog;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditverifier.BundleVerification;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bundle's payloads disclosed are an access recorded in the trail itself (docs/adr/0040), on the real broker and
 * database: recorded before the payloads leave, an entry of the order's own trail naming who, their role, the
 * purpose and how many payloads, in the order's next bundle, which the offline verifier checks; and when the
 * disclosure cannot be recorded, no payloads are given.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "qorgau.audit.checkpoint.interval=1h",
            "qorgau.audit.checkpoint.size=1"
        })
@QorgauInfrastructure
@Import(CatalogueTopics.class)
class PayloadDisclosureTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PURPOSE = "court case 2-1234/2026, art. 60 Law 245-VIII";

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void payloadsDisclosedAreAnEntryOfTheOrdersTrailInItsNextBundleAndVerifyOffline() {
        String orderId = UUID.randomUUID().toString();
        long last = sendAndProve(orderId, 3);
        NoteVerifier key = signingKey();

        HttpResponse<String> first = bundle(orderId, PURPOSE);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode given = JSON.readTree(first.body());
        assertThat(given.get("entries")).hasSize(3);
        // Recorded before the payloads left: when the answer arrives the trail already holds the disclosure.
        long recorded = jdbc.sql("SELECT sequence FROM audit_entry WHERE subject = ? AND type = ?")
                .params(orderId, PayloadDisclosures.DISCLOSED)
                .query(Long.class)
                .single();
        assertThat(recorded).isGreaterThan(last);
        assertThat(jdbc.sql("SELECT entry FROM audit_payload_disclosure WHERE subject = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(recorded);

        // The order's next bundle holds it, proven against a newer checkpoint, and verifies offline.
        await().atMost(PATIENCE).until(() -> CheckpointLog.largestSize(jdbc) >= recorded);
        HttpResponse<String> next = new AuditApi(port)
                .get(
                        "/api/v1/audit/bundle?subject=" + orderId,
                        infrastructure.identity().token(Persona.AUDITOR));
        assertThat(next.statusCode()).isEqualTo(200);
        BundleVerification.Result verified =
                BundleVerification.verify(next.body().getBytes(StandardCharsets.UTF_8), List.of(key));
        assertThat(verified.verified()).as(verified.toString()).isTrue();
        assertThat(verified.entries()).isEqualTo(4);
        JsonNode entry = JSON.readTree(next.body()).get("entries").get(3).get("entry");
        assertThat(entry.get("type").asString()).isEqualTo(PayloadDisclosures.DISCLOSED);
        assertThat(entry.get("sequence").asLong()).isEqualTo(recorded);
        assertThat(entry.get("topic").asString()).isEqualTo("(audit-service)");

        // What it says, read with payloads (itself a second disclosure), which verify from the payloads too.
        HttpResponse<String> again = bundle(orderId, "appeal 3-77/2026");
        assertThat(again.statusCode()).isEqualTo(200);
        BundleVerification.Result full =
                BundleVerification.verify(again.body().getBytes(StandardCharsets.UTF_8), List.of(key));
        assertThat(full.verified()).as(full.toString()).isTrue();
        JsonNode said = JSON.readTree(Base64.getDecoder()
                .decode(JSON.readTree(again.body())
                        .get("entries")
                        .get(3)
                        .get("entry")
                        .get("payload")
                        .asString()));
        assertThat(said.get("subject").asString()).isEqualTo(orderId);
        assertThat(said.get("disclosedBy").asString()).isEqualTo("demo-auditor");
        assertThat(said.get("roles").get(0).asString()).isEqualTo("AUDITOR");
        assertThat(said.get("purpose").asString()).isEqualTo(PURPOSE);
        assertThat(said.get("payloadsDisclosed").asInt()).isEqualTo(3);
        assertThat(said.get("entries").asInt()).isEqualTo(3);
        assertThat(said.get("treeSize").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(said.get("disclosedAt").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject = ? AND type = ?")
                        .params(orderId, PayloadDisclosures.DISCLOSED)
                        .query(Long.class)
                        .single())
                .as("each disclosure once")
                .isEqualTo(2);
    }

    @Test
    void whenTheDisclosureCannotBeRecordedNoPayloadsAreGiven() {
        String orderId = UUID.randomUUID().toString();
        sendAndProve(orderId, 2);
        jdbc.sql("CREATE FUNCTION test_refuse_disclosure() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$")
                .update();
        jdbc.sql("CREATE TRIGGER test_refuse_disclosure BEFORE INSERT ON audit_payload_disclosure"
                        + " FOR EACH ROW EXECUTE FUNCTION test_refuse_disclosure()")
                .update();
        try {
            HttpResponse<String> refused = bundle(orderId, PURPOSE);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).doesNotContain("storedPayload", "payloadKeys", "\"entries\"");
        } finally {
            jdbc.sql("DROP TRIGGER test_refuse_disclosure ON audit_payload_disclosure")
                    .update();
            jdbc.sql("DROP FUNCTION test_refuse_disclosure()").update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject = ? AND type = ?")
                        .params(orderId, PayloadDisclosures.DISCLOSED)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(bundle(orderId, PURPOSE).statusCode())
                .as("recorded again, given")
                .isEqualTo(200);
    }

    /** Sends an order's events and waits until a checkpoint covers them; the last one's sequence. */
    private long sendAndProve(String orderId, int count) {
        ExampleEvents.sendOrder(infrastructure, orderId, count);
        long last = await().atMost(PATIENCE)
                .until(
                        () -> jdbc.sql("SELECT count(*), coalesce(max(sequence), 0) FROM audit_entry WHERE subject = ?")
                                .param(orderId)
                                .query((row, number) -> row.getLong(1) == count ? row.getLong(2) : 0L)
                                .single(),
                        sequence -> sequence > 0);
        await().atMost(PATIENCE).until(() -> CheckpointLog.largestSize(jdbc) >= last);
        return last;
    }

    private HttpResponse<String> bundle(String orderId, String purpose) {
        return new AuditApi(port)
                .get(
                        "/api/v1/audit/bundle?subject=" + orderId + "&payloads=true",
                        infrastructure.identity().token(Persona.AUDITOR),
                        Map.of("Qorgau-Purpose", purpose));
    }

    private NoteVerifier signingKey() {
        HttpResponse<String> key = new AuditApi(port)
                .get(
                        "/api/v1/audit/checkpoints/signing-key",
                        infrastructure.identity().token(Persona.AUDITOR));
        assertThat(key.statusCode()).isEqualTo(200);
        return NoteVerifier.parse(JSON.readTree(key.body()).get("verifierKey").asString());
    }
}
