package kz.qorgau.auditverifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.CompactRange;
import kz.qorgau.auditlog.NoteSigner;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditlog.RecordHeader;
import kz.qorgau.auditlog.TreeHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offline verifier over seeded random logs (the seed is each case's name; rerun one with {@code
 * -Dqorgau.seed=<seed>}): an intact export verifies; a flipped bit, a dropped, reordered or inserted entry
 * and a truncation are caught, even when whoever changed the log recomputed every leaf and chain hash,
 * and the verifier never blames an entry after the first one changed.
 */
class LogVerificationTest {

    static final String ORIGIN = "test.qorgau/audit";
    static final NoteSigner SIGNER = NoteSigner.of(ORIGIN, seed(1));
    static final List<NoteVerifier> KEYS = List.of(NoteVerifier.parse(SIGNER.verifierKey()));

    static Stream<Long> seeds() {
        String fixed = System.getProperty("qorgau.seed");
        if (fixed != null) {
            return Stream.of(Long.parseLong(fixed));
        }
        long base = new Random().nextLong();
        return LongStream.range(0, 25).mapToObj(i -> base + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anIntactExportVerifiesAndEveryChangeIsCaught(long seed) {
        Random random = new Random(seed);
        List<AuditEntry> log = entries(random, 2 + random.nextInt(120));
        List<String> notes = checkpoints(log, random);

        LogVerification.Result intact = verify(ExportLines.of(log), notes);
        assertThat(intact.verified()).as("%s", intact).isTrue();
        assertThat(intact.entries()).isEqualTo(log.size());

        int at = random.nextInt(log.size());
        List<AuditEntry> flipped = new ArrayList<>(log);
        flipped.set(at, withFlippedPayloadBit(log.get(at), random));
        assertCaught(ExportLines.of(flipped), notes, at + 1, "flipped bit in entry " + (at + 1));

        List<AuditEntry> dropped = new ArrayList<>(log);
        dropped.remove(at);
        assertCaught(ExportLines.of(dropped), notes, at + 1, "entry " + (at + 1) + " dropped");

        int other = (at + 1 + random.nextInt(log.size() - 1)) % log.size();
        List<AuditEntry> reordered = new ArrayList<>(log);
        Collections.swap(reordered, at, other);
        assertCaught(
                ExportLines.of(reordered),
                notes,
                Math.min(at, other) + 1,
                "entries " + (at + 1) + " and " + (other + 1) + " swapped");

        List<AuditEntry> inserted = new ArrayList<>(log);
        inserted.add(at, entries(random, 1).get(0));
        assertCaught(ExportLines.of(inserted), notes, at + 1, "entry inserted at " + (at + 1));

        List<String> truncated = ExportLines.of(log).subList(0, at);
        assertCaught(truncated, notes, at + 1, "truncated to " + at);

        // Changed in place without recomputing its hashes: named exactly.
        List<String> lines = new ArrayList<>(ExportLines.of(log));
        String line = lines.get(at);
        lines.set(
                at,
                line.replaceFirst(
                        "\"offset\":(\\d+)", "\"offset\":" + (log.get(at).offset() + 1)));
        LogVerification.Result named = verify(lines, notes);
        assertThat(named.verified()).isFalse();
        assertThat(named.firstBadSequence()).isEqualTo(at + 1L);
        assertThat(named.reason()).contains("do not hash to its leaf hash");
    }

    @Test
    void checkpointsMustBeSignedByAGivenKeyAndAgree() {
        Random random = new Random(7);
        List<AuditEntry> log = entries(random, 10);
        List<String> export = ExportLines.of(log);
        String note = SIGNER.sign(new Checkpoint(ORIGIN, 10, root(log, 10)).text());

        assertThat(verify(export, List.of(note)).verified()).isTrue();
        assertThat(verify(export, List.of(note.replace("\n10\n", "\n9\n"))).reason())
                .contains("does not verify");
        NoteSigner stranger = NoteSigner.of(ORIGIN, seed(2));
        assertThat(verify(export, List.of(stranger.sign(new Checkpoint(ORIGIN, 10, root(log, 10)).text())))
                        .reason())
                .contains("does not verify");
        // A fork: two signed roots for one size.
        List<AuditEntry> other = new ArrayList<>(log);
        other.set(9, entries(random, 1).get(0));
        String forked = SIGNER.sign(new Checkpoint(ORIGIN, 10, root(other, 10)).text());
        assertThat(verify(export, List.of(note, forked)).reason()).contains("forked");
        // Entries beyond the newest checkpoint are not committed to.
        String at8 = SIGNER.sign(new Checkpoint(ORIGIN, 8, root(log, 8)).text());
        LogVerification.Result beyond = verify(export, List.of(at8));
        assertThat(beyond.firstBadSequence()).isEqualTo(9L);
        assertThat(beyond.reason()).contains("no checkpoint commits to it");
        // After a rotation: old checkpoints under the old key, new ones under the new key, both given.
        String rotated = stranger.sign(new Checkpoint(ORIGIN, 10, root(log, 10)).text());
        List<NoteVerifier> bothKeys = List.of(KEYS.get(0), NoteVerifier.parse(stranger.verifierKey()));
        assertThat(LogVerification.verify(export.iterator(), List.of(at8, rotated), bothKeys)
                        .verified())
                .isTrue();
    }

    private static void assertCaught(List<String> export, List<String> notes, long changedAt, String what) {
        LogVerification.Result result = verify(export, notes);
        assertThat(result.verified()).as(what).isFalse();
        assertThat(result.firstBadSequence()).as("%s: %s", what, result).isLessThanOrEqualTo(changedAt);
    }

    private static LogVerification.Result verify(List<String> export, List<String> notes) {
        return LogVerification.verify(export.iterator(), notes, KEYS);
    }

    /** Checkpoints at a few random sizes and at the log's size. */
    static List<String> checkpoints(List<AuditEntry> log, Random random) {
        TreeSet<Integer> sizes = new TreeSet<>();
        sizes.add(log.size());
        for (int i = random.nextInt(4); i > 0; i--) {
            sizes.add(1 + random.nextInt(log.size()));
        }
        return sizes.stream()
                .map(size -> SIGNER.sign(new Checkpoint(ORIGIN, size, root(log, size)).text()))
                .toList();
    }

    static byte[] root(List<AuditEntry> log, int size) {
        CompactRange range = new CompactRange();
        for (int i = 0; i < size; i++) {
            range.append(TreeHash.leaf(CanonicalEncoding.encode(ExportLines.renumbered(log.get(i), i + 1))));
        }
        return range.root();
    }

    /** Random entries of all three kinds (docs/adr/0012), numbered from 1. */
    static List<AuditEntry> entries(Random random, int count) {
        List<AuditEntry> entries = new ArrayList<>();
        Instant base = Instant.parse("2026-11-30T00:00:00Z");
        for (int i = 1; i <= count; i++) {
            Instant at = base.plus(random.nextInt(1_000_000_000), ChronoUnit.MICROS);
            byte[] payload = new byte[1 + random.nextInt(200)];
            random.nextBytes(payload);
            int kind = random.nextInt(6);
            List<RecordHeader> headers =
                    List.of(new RecordHeader("ce_id", bytes(random)), new RecordHeader("empty", null));
            AuditEntry entry =
                    switch (kind) {
                        case 0 ->
                            new AuditEntry(
                                    2,
                                    i,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    "qorgau.orders",
                                    random.nextInt(6),
                                    random.nextInt(1000),
                                    at,
                                    random.nextBoolean() ? payload : null,
                                    random.nextBoolean() ? bytes(random) : null,
                                    headers,
                                    "not a CloudEvent");
                        case 1 ->
                            new AuditEntry(
                                    2,
                                    i,
                                    new UUID(random.nextLong(), random.nextLong()),
                                    "kz.qorgau.order.issued.v1",
                                    "/qorgau/order-service",
                                    UUID.randomUUID().toString(),
                                    (long) random.nextInt(50),
                                    at,
                                    null,
                                    null,
                                    "qorgau.orders",
                                    random.nextInt(6),
                                    random.nextInt(1000),
                                    at,
                                    null,
                                    bytes(random),
                                    headers,
                                    null);
                        default ->
                            new AuditEntry(
                                    i,
                                    new UUID(random.nextLong(), random.nextLong()),
                                    "kz.qorgau.notification.sent.v1",
                                    "/qorgau/notification-service",
                                    UUID.randomUUID().toString(),
                                    random.nextInt(50),
                                    at,
                                    random.nextBoolean() ? "application/json" : null,
                                    null,
                                    "qorgau.notifications",
                                    random.nextInt(6),
                                    random.nextInt(100_000),
                                    at,
                                    payload);
                    };
            entries.add(entry);
        }
        return entries;
    }

    /** One bit flipped in the payload, or in the key of an event without data (which has no payload). */
    private static AuditEntry withFlippedPayloadBit(AuditEntry e, Random random) {
        boolean eventWithoutData = e.version() == 2 && !e.isUnreadable();
        byte[] payload = e.payload() == null ? "x".getBytes(StandardCharsets.UTF_8) : e.payload();
        byte[] key = e.key();
        byte[] flipped = eventWithoutData ? key : payload;
        flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        return ExportLines.copy(e, e.sequence(), eventWithoutData ? null : payload, key);
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(20)];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] seed(int value) {
        byte[] seed = new byte[32];
        seed[0] = (byte) value;
        return seed;
    }
}
