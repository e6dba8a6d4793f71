package kz.qorgau.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.audit.CatalogueTopics;
import kz.qorgau.audit.ExampleEvents;
import kz.qorgau.audit.access.AuditApi;
import kz.qorgau.audit.checkpoint.CheckpointLog;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditverifier.BundleVerification;
import kz.qorgau.auditverifier.LogVerification;
import kz.qorgau.events.OrderIssued;
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
 * Crypto-shredding on the real broker and database (docs/adr/0031): payloads are stored encrypted; once a
 * subject's retention ends its key is destroyed (an entry of the trail says so), its payloads cannot be read,
 * and every proof, verify, the export and the offline verifier still pass. A legal hold keeps the key.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "qorgau.audit.checkpoint.interval=1h",
            "qorgau.audit.checkpoint.size=1",
            // Retention ends two seconds after a subject's last payload; the test calls the job itself.
            "qorgau.audit.shredding.subject-retention=2s",
            "qorgau.audit.shredding.interval=1h",
            "qorgau.audit.shredding.hold-interval=200ms",
            // Shorter than the retention: no destroyed key outlives it in the log topic.
            "qorgau.audit.restore.mirror-retention=1s"
        })
@QorgauInfrastructure
@Import(CatalogueTopics.class)
class CryptoShreddingTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retention retention;

    @Autowired
    WriterLeadership writer;

    @LocalServerPort
    int port;

    @Test
    void aShreddedSubjectCannotBeReadWhileEveryProofAndTheOfflineVerifierPass() {
        String shredded = UUID.randomUUID().toString();
        String held = UUID.randomUUID().toString();
        sendOrder(shredded, 3);
        sendOrder(held, 2);
        await().atMost(PATIENCE).until(() -> count(shredded) == 3 && count(held) == 2);
        byte[] issuedData = ExampleEvents.dataBytes(ExampleEvents.orderIssued(shredded));

        // At rest the payload is encrypted under the subject's key; the API shows it as received.
        byte[] stored = jdbc.sql("SELECT payload FROM audit_entry WHERE subject = ? AND type = ?")
                .params(shredded, OrderIssued.TYPE)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(issuedData, StandardCharsets.ISO_8859_1).substring(0, 20));
        JsonNode before = null;
        for (JsonNode entry : entries(shredded)) {
            if (entry.get("type").asString().equals(OrderIssued.TYPE)) {
                before = entry;
            }
        }
        assertThat(before.get("encodingVersion").asInt()).isEqualTo(3);
        assertThat(before.get("payloadKey").asString()).isEqualTo("subject:" + shredded);
        assertThat(before.get("payloadState").asString()).isEqualTo("READABLE");
        assertThat(Arrays.equals(
                        Base64.getDecoder().decode(before.get("payload").asString()), issuedData))
                .as("decrypted as received")
                .isTrue();

        // A supervisor places a hold on the other subject; only an auditor may lift it.
        HttpResponse<String> placed =
                post("/api/v1/audit/legal-holds", Persona.SUPERVISOR_A, hold(held, "2-1234/2026"));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(post("/api/v1/audit/legal-holds", Persona.AUDITOR, hold(held, "2-1234/2026"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/api/v1/audit/legal-holds/lift", Persona.SUPERVISOR_A, hold(held, "2-1234/2026"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/audit/legal-holds", Persona.AUDITOR, hold(held, "free text, a name"))
                        .statusCode())
                .isEqualTo(400);
        // Each placement is an entry of the trail.
        await().atMost(PATIENCE).until(() -> types(held).contains(Retention.HOLD_PLACED));

        // Retention ends: the job destroys the free subject's key, never the held one's.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            retention.shred();
            return destroyed(shredded);
        });
        assertThat(retention.shred()).isZero();
        assertThat(destroyed(held)).as("under a legal hold").isFalse();

        JsonNode after = entries(shredded);
        for (int i = 0; i < 3; i++) {
            assertThat(after.get(i).get("payloadState").asString()).isEqualTo("SHREDDED");
            assertThat(after.get(i).has("payload")).isFalse();
        }
        assertThat(after.findValuesAsString("payloadSha256"))
                .contains(before.get("payloadSha256").asString());
        // The destruction is itself an entry: the subject, the key and why; nothing else.
        JsonNode destruction = after.get(3);
        assertThat(destruction.get("type").asString()).isEqualTo(Retention.KEY_DESTROYED);
        JsonNode why = JSON.readTree(
                Base64.getDecoder().decode(destruction.get("payload").asString()));
        assertThat(why.get("keyName").asString()).isEqualTo("subject:" + shredded);
        assertThat(why.get("reason").asString()).isEqualTo("RETENTION_ENDED");
        assertThat(why.get("retentionConfidence").asString()).isEqualTo("UNVERIFIED");
        assertThat(entries(held).get(0).get("payloadState").asString()).isEqualTo("READABLE");

        // Every proof still passes: verify, the export against every checkpoint, the order's bundle.
        long head = AuditLog.head(jdbc).size();
        await().atMost(PATIENCE).until(() -> CheckpointLog.largestSize(jdbc) >= head);
        assertThat(getJson("/api/v1/audit/verify").get("intact").asBoolean()).isTrue();
        NoteVerifier key = NoteVerifier.parse(getJson("/api/v1/audit/checkpoints/signing-key")
                .get("verifierKey")
                .asString());
        List<String> notes = new ArrayList<>();
        getJson("/api/v1/audit/checkpoints?limit=1000")
                .get("checkpoints")
                .forEach(checkpoint -> notes.add(checkpoint.get("signedNote").asString()));
        long size = CheckpointLog.largestSize(jdbc);
        LogVerification.Result offline = LogVerification.verify(
                get("/api/v1/audit/export?treeSize=" + size).body().lines().iterator(), notes, List.of(key));
        assertThat(offline.verified()).as(offline.toString()).isTrue();
        HttpResponse<String> bundle = new AuditApi(port)
                .get(
                        "/api/v1/audit/bundle?subject=" + shredded + "&payloads=true",
                        infrastructure.identity().token(Persona.AUDITOR),
                        Map.of("Qorgau-Purpose", "court case 2-1234/2026"));
        BundleVerification.Result proven =
                BundleVerification.verify(bundle.body().getBytes(StandardCharsets.UTF_8), List.of(key));
        assertThat(proven.verified()).as(proven.toString()).isTrue();
        assertThat(proven.entries()).isEqualTo(4);
        String heldBody = new AuditApi(port)
                .get(
                        "/api/v1/audit/bundle?subject=" + held + "&payloads=true",
                        infrastructure.identity().token(Persona.AUDITOR),
                        Map.of("Qorgau-Purpose", "court case 2-1234/2026"))
                .body();
        BundleVerification.Result heldBundle =
                BundleVerification.verify(heldBody.getBytes(StandardCharsets.UTF_8), List.of(key));
        assertThat(heldBundle.verified()).as(heldBundle.toString()).isTrue();
        // Its decrypted payloads are proven too: one changed, the bundle fails.
        tools.jackson.databind.node.ObjectNode changed =
                (tools.jackson.databind.node.ObjectNode) JSON.readTree(heldBody);
        ((tools.jackson.databind.node.ObjectNode) changed.get("entries").get(0).get("entry"))
                .put(
                        "payload",
                        Base64.getEncoder().encodeToString("{\"forged\":true}".getBytes(StandardCharsets.UTF_8)));
        BundleVerification.Result forged = BundleVerification.verify(JSON.writeValueAsBytes(changed), List.of(key));
        assertThat(forged.verified()).isFalse();
        assertThat(forged.toString()).contains("not what the trail holds");

        // The hold lifted (an entry too), the next round destroys the key.
        HttpResponse<String> lifted =
                post("/api/v1/audit/legal-holds/lift", Persona.AUDITOR, hold(held, "2-1234/2026"));
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> types(held).contains(Retention.HOLD_LIFTED));
        assertThat(retention.shred()).isEqualTo(1);
        assertThat(destroyed(held)).isTrue();
        assertThat(getJson("/api/v1/audit/verify").get("intact").asBoolean()).isTrue();
    }

    private long count(String subject) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    private boolean destroyed(String subject) {
        return jdbc.sql("SELECT destroyed_at IS NOT NULL FROM audit_subject_key WHERE subject = ?")
                .param(subject)
                .query(Boolean.class)
                .single();
    }

    private List<String> types(String subject) {
        List<String> types = new ArrayList<>();
        entries(subject).forEach(entry -> types.add(entry.get("type").asString()));
        return types;
    }

    private JsonNode entries(String subject) {
        return getJson("/api/v1/audit/entries?subject=" + subject).get("entries");
    }

    private static String hold(String subject, String caseReference) {
        return JSON.writeValueAsString(Map.of("subject", subject, "caseReference", caseReference));
    }

    private HttpResponse<String> post(String path, Persona persona, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + infrastructure.identity().token(persona))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) {
        return new AuditApi(port).get(path, infrastructure.identity().token(Persona.AUDITOR));
    }

    private void sendOrder(String orderId, int count) {
        ExampleEvents.sendOrder(infrastructure, orderId, count);
    }
}
