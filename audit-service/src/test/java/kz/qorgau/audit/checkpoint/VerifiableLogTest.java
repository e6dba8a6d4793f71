package kz.qorgau.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import kz.qorgau.audit.CatalogueTopics;
import kz.qorgau.audit.ExampleEvents;
import kz.qorgau.audit.access.AuditApi;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.HashChain;
import kz.qorgau.audit.entry.LeafHash;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.reconcile.Reconciliation;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.audit.verify.AuditVerifier;
import kz.qorgau.audit.verify.Verification;
import kz.qorgau.audit.verify.Verification.Problem;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.InMemoryTree;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditlog.Proofs;
import kz.qorgau.auditverifier.BundleVerification;
import kz.qorgau.auditverifier.LogVerification;
import kz.qorgau.auditverifier.Witness;
import kz.qorgau.auditverifier.WitnessSources;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trail as a verifiable log on the real broker and database (docs/adr/0023): the stored tree is the
 * RFC 6962 tree of the stored leaves, checkpoints are signed (here at each tick that found a new entry) and
 * published to their own topic, kept forever, and every proof the API gives verifies against them. Every entry,
 * not every second one: with two, a checkpoint signed while one of a test's entries was still on its way left
 * the newest checkpoint one short of the head for good (seen once in CI), and the tests wait for it to reach it.
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

    @Autowired
    DataSource dataSource;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    MeterRegistry meters;

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
        // The order's entries first: before they are appended, a checkpoint of the trail before them would do.
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject = ?")
                                .param(orderId)
                                .query(Long.class)
                                .single()
                        == 4);
        // One read of the checkpoints per poll: the signer may add one between two reads.
        await().atMost(PATIENCE).until(() -> {
            var signed = checkpoints();
            long head = AuditLog.head(jdbc).size();
            return !signed.isEmpty() && signed.get(signed.size() - 1).size() == head;
        });
        NoteVerifier key = NoteVerifier.parse(getJson("/api/v1/audit/checkpoints/signing-key")
                .get("verifierKey")
                .asString());
        List<String> notes = notes(getText("/api/v1/audit/checkpoints?limit=1000"));
        var signed = checkpoints();
        long size = signed.get(signed.size() - 1).size();
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
        Verification rewrittenVerified = verifier.verifyFully();
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

        // The broker still holds the removed entry's record: reconciliation finds the gap.
        StoredEntry removed = last;
        List<Reconciliation.Gap> gaps =
                await().atMost(PATIENCE).until(reconciliation::reconcile, found -> !found.isEmpty());
        assertThat(gaps)
                .containsExactly(new Reconciliation.Gap(
                        removed.entry().topic(),
                        removed.entry().partition(),
                        removed.entry().offset()));
        assertThat(meters.get("audit.reconciliation.gaps").gauge().value()).isEqualTo(1.0);
        // And the trail itself says so, in an entry of its own.
        String gapEntry = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM audit_entry WHERE type = ?")
                .param(Reconciliation.GAP_FOUND)
                .query(String.class)
                .single();
        assertThat(JSON.readTree(gapEntry).get("offsets").get(0).asLong())
                .isEqualTo(removed.entry().offset());
        assertThat(JSON.readTree(gapEntry).get("topic").asString())
                .isEqualTo(removed.entry().topic());
    }

    /**
     * Reconciliation compares what a read-committed consumer is given with the trail: the offsets of transaction
     * markers and of an aborted transaction are not gaps.
     */
    @Test
    void reconciliationPassesOverTransactionMarkers() throws Exception {
        String topic = Topics.inNamespace(infrastructure.namespace(), Topics.ORDERS_TOPIC);
        long last;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infrastructure.kafka().bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "reconciliation-test-" + UUID.randomUUID()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            sendInTransaction(producer, topic, true, 2);
            sendInTransaction(producer, topic, false, 1);
            last = sendInTransaction(producer, topic, true, 2);
        }
        // Four raw records appended (the trail keeps its parity for the tampering test), the group past them.
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE topic = ? AND kafka_partition = 0"
                                        + " AND kafka_offset <= ? AND unreadable_reason IS NOT NULL")
                                .params(topic, last)
                                .query(Long.class)
                                .single()
                        == 4);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(committedOffset(topic)).isGreaterThan(last));
        assertThat(reconciliation.reconcile()).isEmpty();
    }

    /** The offset of the last record sent. */
    private static long sendInTransaction(
            KafkaProducer<byte[], byte[]> producer, String topic, boolean commit, int records) throws Exception {
        producer.beginTransaction();
        long offset = -1;
        for (int i = 0; i < records; i++) {
            offset = producer.send(
                            new ProducerRecord<>(topic, 0, null, "not an event".getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS)
                    .offset();
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
        return offset;
    }

    private long committedOffset(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafka().bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets(Topics.AUDIT_SERVICE)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS)
                    .get(new TopicPartition(topic, 0));
            return committed == null ? -1 : committed.offset();
        }
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

    /**
     * verify goes on from where the last verification ended; full verifications are one background job that
     * concurrent requests join (docs/adr/0027). The job is held at its first query by a lock on the checkpoint
     * table, so that the requests certainly meet it running.
     */
    @Test
    void verifyGoesOnFromTheLastAndFullVerificationsAreOneJob() throws Exception {
        Verification full = verifier.verifyFully();
        assertThat(full.intact()).as("%s", full).isTrue();
        assertThat(full.verifiedFrom()).isZero();
        sendOrder(UUID.randomUUID().toString(), 2);
        await().atMost(PATIENCE).until(() -> AuditLog.head(jdbc).size() >= full.size() + 2);
        Verification incremental = verifier.verify();
        assertThat(incremental.intact()).as("%s", incremental).isTrue();
        assertThat(incremental.verifiedFrom()).isEqualTo(full.size());
        assertThat(incremental.size()).isGreaterThanOrEqualTo(full.size() + 2);

        CompletableFuture<Verification> first;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE audit_checkpoint IN ACCESS EXCLUSIVE MODE");
            }
            List<CompletableFuture<CompletableFuture<Verification>>> requests = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(verifier::startOrJoinFull))
                    .toList();
            first = verifier.startOrJoinFull();
            for (CompletableFuture<CompletableFuture<Verification>> request : requests) {
                assertThat(request.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(first).isNotDone();
            holder.rollback();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).intact()).isTrue();
        assertThat(meters.get("audit.verify.full.progress").gauge().value()).isEqualTo(1.0);

        JsonNode done = getJson("/api/v1/audit/verify/full");
        assertThat(done.get("running").asBoolean()).isFalse();
        assertThat(done.get("result").get("intact").asBoolean())
                .as(done.toString())
                .isTrue();
    }

    @Test
    void anOrdersEvidenceBundleVerifiesAloneAndAnyChangedByteFailsIt() {
        String orderId = UUID.randomUUID().toString();
        sendOrder(orderId, 12);
        long last = await().atMost(PATIENCE).until(() -> lastSequenceOf(orderId), sequence -> sequence > 0);
        if (CheckpointLog.largestSize(jdbc) < last) {
            // Checkpoints come every 2 entries here; two more keep the trail's parity for the tampering test.
            sendOrder(UUID.randomUUID().toString(), 2);
        }
        await().atMost(PATIENCE).until(() -> CheckpointLog.largestSize(jdbc) >= last);
        NoteVerifier key = NoteVerifier.parse(getJson("/api/v1/audit/checkpoints/signing-key")
                .get("verifierKey")
                .asString());

        String path = "/api/v1/audit/bundle?subject=" + orderId;
        byte[] bundle = get(path).body().getBytes(StandardCharsets.UTF_8);
        BundleVerification.Result result = BundleVerification.verify(bundle, List.of(key));
        assertThat(result.verified()).as(result.toString()).isTrue();
        assertThat(result.entries()).isEqualTo(12);
        assertThat(JSON.readTree(bundle).get("entries").get(0).get("entry").has("payload"))
                .as("payloads are left out by default")
                .isFalse();

        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            byte[] changed = bundle.clone();
            int position = random.nextInt(changed.length);
            changed[position] ^= (byte) (1 + random.nextInt(255));
            assertThat(BundleVerification.verify(changed, List.of(key)).verified())
                    .as("seed %d: byte %d of %d changed", seed, position, changed.length)
                    .isFalse();
        }

        // Payloads: for a stated purpose only; the bundle still verifies, now from the payloads themselves.
        assertBadRequest(path + "&payloads=true", "Qorgau-Purpose");
        HttpResponse<String> withPayloads = new AuditApi(port)
                .get(
                        path + "&payloads=true",
                        infrastructure.identity().token(Persona.AUDITOR),
                        Map.of("Qorgau-Purpose", "court case 2-1234/2026"));
        assertThat(withPayloads.statusCode()).isEqualTo(200);
        BundleVerification.Result full =
                BundleVerification.verify(withPayloads.body().getBytes(StandardCharsets.UTF_8), List.of(key));
        assertThat(full.verified()).as(full.toString()).isTrue();
        assertThat(JSON.readTree(withPayloads.body())
                        .get("entries")
                        .get(0)
                        .get("entry")
                        .get("payload")
                        .asString())
                .isNotEmpty();
        // The disclosure became an entry of the trail (docs/adr/0040); one more keeps the parity for the tampering
        // test.
        long withDisclosure = AuditLog.head(jdbc).size();
        sendOrder(UUID.randomUUID().toString(), 1);
        await().atMost(PATIENCE).until(() -> AuditLog.head(jdbc).size() > withDisclosure);
    }

    /** The offline verifier's witness against the running service: it follows the log as it grows. */
    @Test
    void theWitnessFollowsTheServicesCheckpoints(@TempDir Path directory) throws Exception {
        NoteVerifier key = NoteVerifier.parse(getJson("/api/v1/audit/checkpoints/signing-key")
                .get("verifierKey")
                .asString());
        Witness witness = new Witness(
                WitnessSources.of(
                        "http://127.0.0.1:" + port, infrastructure.identity().token(Persona.AUDITOR)),
                directory.resolve("witness.note"),
                List.of(key));
        sendOrder(UUID.randomUUID().toString(), 2);
        await().atMost(PATIENCE).until(() -> CheckpointLog.largestSize(jdbc) > 0);
        Witness.Observation first = witness.observe();
        assertThat(first.verdict()).as("%s", first).isEqualTo(Witness.Verdict.FIRST);
        long seen = first.kept().size();
        sendOrder(UUID.randomUUID().toString(), 2);
        await().atMost(PATIENCE).until(() -> CheckpointLog.largestSize(jdbc) > seen);
        Witness.Observation grew = witness.observe();
        assertThat(grew.verdict()).as("%s", grew).isEqualTo(Witness.Verdict.CONSISTENT);
    }

    private long lastSequenceOf(String orderId) {
        return jdbc.sql("SELECT count(*), coalesce(max(sequence), 0) FROM audit_entry WHERE subject = ?")
                .param(orderId)
                .query((row, number) -> row.getLong(1) == 12 ? row.getLong(2) : 0L)
                .single();
    }

    /**
     * With a checkpoint every 2 entries, one more entry leaves the trail covered or one entry uncovered by
     * turns: two single events show both, and the age is that of the entry no checkpoint covers.
     */
    @Test
    void theCoverageGaugeIsTheAgeOfTheOldestEntryNoCheckpointCovers() {
        Duration later = Duration.ofHours(1);
        CheckpointCoverage coverage =
                new CheckpointCoverage(jdbc, new SimpleMeterRegistry(), Clock.offset(Clock.systemUTC(), later));
        List<Boolean> uncoveredSeen = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            long before = AuditLog.head(jdbc).size();
            sendOrder(UUID.randomUUID().toString(), 1);
            await().atMost(PATIENCE).until(() -> AuditLog.head(jdbc).size() > before && uncovered() < 2);
            Duration age = coverage.measure();
            if (uncovered() == 1) {
                assertThat(age).isBetween(later.minusSeconds(1), later.plus(PATIENCE));
                uncoveredSeen.add(true);
            } else {
                assertThat(age).isZero();
                uncoveredSeen.add(false);
            }
        }
        assertThat(uncoveredSeen).containsExactlyInAnyOrder(true, false);
    }

    private long uncovered() {
        return jdbc.sql("SELECT (SELECT COALESCE(MAX(sequence), 0) FROM audit_entry)"
                        + " - (SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoint)")
                .query(Long.class)
                .single();
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
        ExampleEvents.sendOrder(infrastructure, orderId, count);
    }
}
