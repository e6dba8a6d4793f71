package kz.qorgau.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kz.qorgau.audit.CatalogueTopics;
import kz.qorgau.audit.ExampleEvents;
import kz.qorgau.audit.access.AuditApi;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.HashChain;
import kz.qorgau.audit.entry.LeafHash;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.audit.verify.AuditVerifier;
import kz.qorgau.audit.verify.Verification;
import kz.qorgau.audit.verify.Verification.Problem;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.InMemoryTree;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditlog.Proofs;
import kz.qorgau.auditverifier.LogVerification;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trail as a verifiable log on the real broker and database (docs/adr/0023): the stored tree is the
 * RFC 6962 tree of the stored leaves, checkpoints are signed (every 2 entries here) and published to their
 * own topic, kept forever, and every proof the API gives verifies against them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "qorgau.audit.checkpoint.interval=1h",
            "qorgau.audit.checkpoint.size=2"
        })
@QorgauInfrastructure
@Import(CatalogueTopics.class)
// Tampering last: it leaves the trail broken.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifiableLogTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CheckpointSelfCheck selfCheck;

    @Autowired
    AuditVerifier verifier;

    @LocalServerPort
    int port;

    @Test
    void checkpointsAreSignedPublishedAndEveryProofVerifies() throws Exception {
        String orderId = UUID.randomUUID().toString();
        sendOrder(orderId, 7);
        await().atMost(PATIENCE).until(() -> AuditLog.head(jdbc).size() >= 7);
        long size = AuditLog.head(jdbc).size();

        // The stored tree is the tree of the stored leaves.
        InMemoryTree expected = new InMemoryTree();
        jdbc.sql("SELECT " + AuditLog.COLUMNS + " FROM audit_entry ORDER BY sequence")
                .query(AuditLog.ROWS)
                .list()
                .forEach((StoredEntry entry) -> expected.append(entry.leafHash().bytes()));
        for (long n = 1; n <= size; n++) {
            assertThat(new StoredTree(jdbc).root(n)).as("root of %d", n).isEqualTo(expected.root(n));
        }

        NoteVerifier key = NoteVerifier.parse(getJson("/api/v1/audit/checkpoints/signing-key")
                .get("verifierKey")
                .asString());
        List<Checkpoint> checkpoints = await().atMost(PATIENCE)
                .until(
                        this::checkpoints,
                        all -> !all.isEmpty() && all.get(all.size() - 1).size() == size);
        for (Checkpoint checkpoint : checkpoints) {
            assertThat(checkpoint.root()).isEqualTo(expected.root(checkpoint.size()));
        }

        Checkpoint newest = checkpoints.get(checkpoints.size() - 1);
        for (long sequence = 1; sequence <= newest.size(); sequence++) {
            JsonNode proof =
                    getJson("/api/v1/audit/proofs/inclusion?sequence=" + sequence + "&treeSize=" + newest.size());
            assertThat(Proofs.verifyInclusion(
                            sequence - 1,
                            newest.size(),
                            expected.leaf(sequence - 1),
                            hashes(proof.get("proof")),
                            newest.root()))
                    .as("inclusion of %d", sequence)
                    .isTrue();
        }
        Checkpoint first = checkpoints.get(0);
        JsonNode consistency =
                getJson("/api/v1/audit/proofs/consistency?fromSize=" + first.size() + "&toSize=" + newest.size());
        assertThat(Proofs.verifyConsistency(
                        first.size(), newest.size(), hashes(consistency.get("proof")), first.root(), newest.root()))
                .isTrue();

        // The copy outside the database: on its own topic, kept forever, read here without a consumer group.
        String topic = infrastructure.topic(CheckpointTopic.NAME);
        assertThat(retentionOf(topic)).isEqualTo("-1");
        List<Checkpoint> published = await().atMost(PATIENCE)
                .until(
                        () -> readTopic(topic).stream()
                                .map(note -> Checkpoint.verified(note, List.of(key)))
                                .toList(),
                        all -> all.contains(newest));
        assertThat(published).isSubsetOf(checkpoints);
        // The offline verifier, on what an auditor downloads.
        List<String> notes = notes(getText("/api/v1/audit/checkpoints?limit=1000"));
        LogVerification.Result offline = LogVerification.verify(
                getText("/api/v1/audit/export?treeSize=" + newest.size())
                        .lines()
                        .iterator(),
                notes,
                List.of(key));
        assertThat(offline.verified()).as("%s", offline).isTrue();
        assertThat(offline.entries()).isEqualTo(newest.size());

        // The self-check reads the newest back from the topic and finds the database consistent with it.
        assertThat(selfCheck.check())
                .hasValueSatisfying(result ->
                        assertThat(result.consistent()).as(result.detail()).isTrue());

        // verify holds the trail to every signed checkpoint too.
        assertThat(verifier.verify().intact()).isTrue();

        // The trail does not append its own checkpoints.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE topic = ?")
                        .param(topic)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * Whoever controls the database changes the trail behind the service's back (the test's login owns the
     * table, so it can disable the trigger): a changed row, a row rewritten with its hashes, and a truncation
     * each contradict a signed checkpoint, and the offline verifier says where.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void tamperingContradictsTheSignedCheckpoints() {
        String orderId = UUID.randomUUID().toString();
        sendOrder(orderId, 4);
        await().atMost(PATIENCE)
                .until(() -> !checkpoints().isEmpty()
                        && checkpoints().get(checkpoints().size() - 1).size()
                                == AuditLog.head(jdbc).size()
                        && AuditLog.head(jdbc).size() >= 4);
        NoteVerifier key = NoteVerifier.parse(getJson("/api/v1/audit/checkpoints/signing-key")
                .get("verifierKey")
                .asString());
        List<String> notes = notes(getText("/api/v1/audit/checkpoints?limit=1000"));
        long size = checkpoints().get(checkpoints().size() - 1).size();
        StoredEntry last = entry(size);
        byte[] original = last.entry().payload();
        byte[] changed = original.clone();
        changed[0] ^= 1;

        // A field changed, its hashes left: the verifier names the entry.
        asOwnerWithoutTheTrigger("UPDATE audit_entry SET payload = ? WHERE sequence = ?", changed, size);
        LogVerification.Result changedRow = offline(notes, key, size);
        assertThat(changedRow.firstBadSequence()).as("%s", changedRow).isEqualTo(size);
        assertThat(changedRow.reason()).contains("do not hash to its leaf hash");

        assertThat(selfCheck.check())
                .hasValueSatisfying(result -> assertThat(result.consistent()).isFalse());

        // Rewritten with its leaf and chain hash: only the signed root tells, and it does.
        AuditEntry rewritten = entry(size).entry();
        LeafHash leaf = LeafHash.of(rewritten);
        asOwnerWithoutTheTrigger(
                "UPDATE audit_entry SET leaf_hash = ?, chain_hash = ? WHERE sequence = ?",
                leaf.bytes(),
                HashChain.next(entry(size - 1).chainHash(), leaf).bytes(),
                size);
        LogVerification.Result rewrittenRow = offline(notes, key, size);
        assertThat(rewrittenRow.verified()).isFalse();
        assertThat(rewrittenRow.firstBadSequence()).as("%s", rewrittenRow).isLessThanOrEqualTo(size);
        assertThat(rewrittenRow.reason()).contains("do not hash to the root of the signed checkpoint");
        Verification rewrittenVerified = verifier.verify();
        assertThat(rewrittenVerified.problem()).as("%s", rewrittenVerified).isEqualTo(Problem.CHECKPOINT_MISMATCH);
        assertThat(rewrittenVerified.firstBadSequence()).isLessThanOrEqualTo(size);

        assertThat(selfCheck.check())
                .hasValueSatisfying(result -> assertThat(result.consistent()).isFalse());

        // The newest entry removed: the export falls short of what was signed.
        asOwnerWithoutTheTrigger("DELETE FROM audit_entry WHERE sequence = ?", size);
        LogVerification.Result truncated =
                LogVerification.verify(getText("/api/v1/audit/export").lines().iterator(), notes, List.of(key));
        assertThat(truncated.verified()).isFalse();
        assertThat(truncated.reason()).contains("were removed");
        assertThat(truncated.firstBadSequence()).isLessThanOrEqualTo(size);
        assertThat(verifier.verify().problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(selfCheck.check()).hasValueSatisfying(result -> assertThat(result.detail())
                .contains("the checkpoint commits to " + size));
    }

    private LogVerification.Result offline(List<String> notes, NoteVerifier key, long size) {
        return LogVerification.verify(
                getText("/api/v1/audit/export?treeSize=" + size).lines().iterator(), notes, List.of(key));
    }

    private StoredEntry entry(long sequence) {
        return jdbc.sql("SELECT " + AuditLog.COLUMNS + " FROM audit_entry WHERE sequence = ?")
                .param(sequence)
                .query(AuditLog.ROWS)
                .single();
    }

    private void asOwnerWithoutTheTrigger(String statement, Object... params) {
        jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
                .update();
        try {
            jdbc.sql(statement).params(params).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only")
                    .update();
        }
    }

    private static List<String> notes(String checkpointsPage) {
        List<String> notes = new ArrayList<>();
        JSON.readTree(checkpointsPage)
                .get("checkpoints")
                .forEach(checkpoint -> notes.add(checkpoint.get("signedNote").asString()));
        return notes;
    }

    private String getText(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void badProofRequestsAreProblems() {
        await().atMost(PATIENCE).until(() -> AuditLog.head(jdbc).size() >= 0);
        long size = AuditLog.head(jdbc).size();
        assertBadRequest(
                "/api/v1/audit/proofs/inclusion?sequence=" + (size + 1) + "&treeSize=" + Math.max(size, 1),
                size == 0 ? "treeSize" : "sequence");
        assertBadRequest("/api/v1/audit/proofs/inclusion?sequence=1&treeSize=" + (size + 1), "treeSize");
        assertBadRequest("/api/v1/audit/proofs/consistency?fromSize=" + (size + 2) + "&toSize=" + (size + 1), "toSize");
        assertBadRequest("/api/v1/audit/proofs/consistency?fromSize=0", "fromSize");
        assertBadRequest("/api/v1/audit/export?treeSize=" + (size + 1), "treeSize");
    }

    private List<Checkpoint> checkpoints() {
        NoteVerifier key = NoteVerifier.parse(getJson("/api/v1/audit/checkpoints/signing-key")
                .get("verifierKey")
                .asString());
        List<Checkpoint> all = new ArrayList<>();
        for (JsonNode checkpoint :
                getJson("/api/v1/audit/checkpoints?limit=1000").get("checkpoints")) {
            Checkpoint verified =
                    Checkpoint.verified(checkpoint.get("signedNote").asString(), List.of(key));
            assertThat(verified.size()).isEqualTo(checkpoint.get("treeSize").asLong());
            all.add(verified);
        }
        return all;
    }

    private List<String> readTopic(String topic) {
        Properties properties = new Properties();
        properties.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> notes = new ArrayList<>();
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    notes.add(record.value());
                }
            }
            return notes;
        }
    }

    private String retentionOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafka().bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(resource)
                    .get("retention.ms")
                    .value();
        }
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asString())));
        return hashes;
    }

    private void assertBadRequest(String path, String field) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("type").asString()).isEqualTo("urn:qorgau:problem:invalid-request");
        assertThat(body.get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
    }

    private JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) {
        return new AuditApi(port).get(path, infrastructure.identity().token(Persona.AUDITOR));
    }

    /** An order's issue and {@code count - 1} notices sent, on their topics. */
    private void sendOrder(String orderId, int count) {
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
            for (int i = 1; i <= count; i++) {
                EventEnvelope<?> event =
                        i == 1 ? ExampleEvents.orderIssued(orderId) : ExampleEvents.notificationSent(orderId, i);
                writer.send(
                        Topics.inNamespace(
                                infrastructure.namespace(),
                                EventTypes.of(event.data()).topic()),
                        event);
            }
        }
    }
}
