package kz.qorgau.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.qorgau.audit.query.BenchExport;
import kz.qorgau.audit.subjectkey.BenchSubjectKeys;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.CompactRange;
import kz.qorgau.auditlog.NoteSigner;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditlog.TreeHash;
import kz.qorgau.auditverifier.LogVerification;
import kz.qorgau.infrastructure.postgres.ServiceDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline verifier's rate (issue 15): audit-verifier's own {@link LogVerification} over an export of the
 * 1-million-entry trail of {@link AuditProofs} (JSON lines as GET /api/v1/audit/export writes them, by the
 * service's own code: {@link BenchExport}), against two checkpoints signed for the bench, the newest the root
 * audit-service's stored tree gives. So it also proves that the stored tree holds the leaves' root. Then what
 * bounds it, each over the same entries on one thread: reading the lines, JSON parsing, and the hashing
 * (payload digest, canonical encoding, leaf, chain and tree). Goal: at least 1 million entries/s.
 */
final class AuditVerify implements BenchPart {

    static final double GOAL_PER_SECOND = 1_000_000;
    static final String ORIGIN = "qorgau-bench.example/audit";
    /** The entries the separate measurements repeat over, held in memory. */
    static final int SAMPLE = 50_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "audit-verify";
    }

    @Override
    public String description() {
        return "the offline verifier over an export of 1 million entries; JSON parsing and hashing per entry apart"
                + " (goal >= 1 million entries/s)";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        List<Measurement> results = new ArrayList<>();
        AuditProofs.Trail trail = AuditProofs.ONE_MILLION;
        ServiceDatabase database = AuditProofs.built(context, trail, name(), results);
        long size = trail.entries();
        Path export = context.workDir().resolve("audit-export.jsonl");
        NoteSigner signer = NoteSigner.of(ORIGIN, new byte[32]);
        List<String> checkpoints = new ArrayList<>();
        SingleConnectionDataSource connection = AuditTrailDatabase.dataSource(database);
        try {
            JdbcClient jdbc = JdbcClient.create(connection);
            long started = System.nanoTime();
            try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(export), 1 << 16)) {
                BenchExport.write(jdbc, BenchSubjectKeys.withDemoKey(jdbc), size, output);
            }
            double exportSeconds = (System.nanoTime() - started) / 1e9;
            results.add(Measurement.limit(
                    name(),
                    "export written, entries/s",
                    size / exportSeconds,
                    "entries/s",
                    String.format(
                            Locale.ROOT,
                            "%,d entries, %,d MB of JSON lines, by the export's own code on one connection",
                            size,
                            Files.size(export) / 1_000_000)));
            StoredTree tree = new StoredTree(jdbc);
            for (long checkpointSize : new long[] {size / 2, size}) {
                checkpoints.add(signer.sign(new Checkpoint(ORIGIN, checkpointSize, tree.root(checkpointSize)).text()));
            }
        } finally {
            connection.destroy();
        }

        NoteVerifier key = NoteVerifier.parse(signer.verifierKey());
        long started = System.nanoTime();
        LogVerification.Result result;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            result = LogVerification.verify(lines.lines().iterator(), checkpoints, List.of(key));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!result.verified()) {
            throw new IllegalStateException("The export does not verify, so the data set is wrong: " + result);
        }
        results.add(new Measurement(
                name(),
                "offline verification, entries/s",
                result.entries() / seconds,
                "entries/s",
                "≥ 1,000,000",
                String.format(
                        Locale.ROOT,
                        "%,d entries in %.1f s, one thread, from the file; verified against checkpoints at %,d and %,d",
                        result.entries(),
                        seconds,
                        size / 2,
                        size)));

        List<String> sample = new ArrayList<>(SAMPLE);
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            long started2 = System.nanoTime();
            long count = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                if (sample.size() < SAMPLE) {
                    sample.add(line);
                }
                count++;
            }
            results.add(perEntry(
                    "reading the export's lines",
                    (System.nanoTime() - started2) / (double) count,
                    "BufferedReader over the file, UTF-8 decoding"));
        }
        long millis = context.step().toMillis();
        results.add(perEntry(
                "JSON parsing",
                repeat(millis, () -> {
                    long fields = 0;
                    for (String json : sample) {
                        fields += JSON.readTree(json).size();
                    }
                    return fields;
                }),
                "the verifier's JsonMapper, readTree of one line ("
                        + sample.get(0).length() + " characters)"));
        List<AuditEntry> entries = new ArrayList<>(SAMPLE);
        for (int i = 1; i <= SAMPLE; i++) {
            entries.add(AuditTrailGenerator.entry(i, AuditTrailGenerator.eventId(i)));
        }
        results.add(perEntry(
                "hashing, canonical encoding included",
                repeat(millis, () -> {
                    CompactRange range = new CompactRange();
                    byte[] chain = new byte[TreeHash.SIZE];
                    for (AuditEntry entry : entries) {
                        byte[] digest = CanonicalEncoding.payloadDigest(entry.payload());
                        byte[] leaf = TreeHash.leaf(CanonicalEncoding.encode(entry, digest));
                        chain = TreeHash.digest(chain, leaf);
                        range.append(leaf);
                    }
                    return chain[0];
                }),
                String.format(
                        Locale.ROOT,
                        "SHA-256 of the payload (%,d bytes) and of the %,d-byte canonical encoding, chain, tree",
                        AuditTrailGenerator.PAYLOAD_BYTES,
                        CanonicalEncoding.encode(
                                        entries.get(0),
                                        CanonicalEncoding.payloadDigest(
                                                entries.get(0).payload()))
                                .length)));
        List<byte[]> digests = entries.stream()
                .map(entry -> CanonicalEncoding.payloadDigest(entry.payload()))
                .toList();
        results.add(perEntry(
                "canonical encoding alone",
                repeat(millis, () -> {
                    long length = 0;
                    for (int i = 0; i < SAMPLE; i++) {
                        length += CanonicalEncoding.encode(entries.get(i), digests.get(i)).length;
                    }
                    return length;
                }),
                "the part of the hashing figure that is not SHA-256"));
        byte[] block = new byte[1024];
        results.add(perEntry(
                "SHA-256 of 1 KiB alone",
                repeat(millis, () -> {
                    long sum = 0;
                    for (int i = 0; i < SAMPLE; i++) {
                        block[0] = (byte) i;
                        sum += TreeHash.digest(block)[0];
                    }
                    return sum;
                }),
                "the JDK's SHA-256 on this CPU: the floor of the hashing"));
        Files.deleteIfExists(export);
        return results;
    }

    private Measurement perEntry(String what, double nanos, String note) {
        return Measurement.limit(
                name(),
                what + " per entry",
                nanos / 1000,
                "µs",
                String.format(Locale.ROOT, "%,.0f entries/s on one core; %s", 1e9 / nanos, note));
    }

    /** Nanoseconds per sample entry of {@code pass}, repeated for about {@code millis} after one pass unmeasured. */
    private static double repeat(long millis, java.util.function.LongSupplier pass) {
        long sink = pass.getAsLong();
        long passes = 0;
        long started = System.nanoTime();
        long end = started + millis * 1_000_000;
        while (passes == 0 || System.nanoTime() < end) {
            sink += pass.getAsLong();
            passes++;
        }
        double nanos = (System.nanoTime() - started) / (double) (passes * SAMPLE);
        if (sink == 42) {
            System.out.print("");
        }
        return nanos;
    }
}
