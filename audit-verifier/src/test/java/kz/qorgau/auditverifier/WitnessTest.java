package kz.qorgau.auditverifier;

import static kz.qorgau.auditverifier.LogVerificationTest.KEYS;
import static kz.qorgau.auditverifier.LogVerificationTest.ORIGIN;
import static kz.qorgau.auditverifier.LogVerificationTest.SIGNER;
import static kz.qorgau.auditverifier.LogVerificationTest.seed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.InMemoryTree;
import kz.qorgau.auditlog.MerkleTree;
import kz.qorgau.auditlog.NoteSigner;
import kz.qorgau.auditlog.TreeHash;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The witness against logs in memory, and against files as the API's answers: a log that grows is followed,
 * a log that rewrote an entry, shrank, or signed two roots for one size is a fork, and the kept checkpoint
 * stays so that the fork stays evident.
 */
class WitnessTest {

    @TempDir
    Path directory;

    /** A log the test grows or forks; the witness asks it as it would ask the service. */
    static final class Log implements Witness.Source {

        InMemoryTree tree = new InMemoryTree();

        @Nullable
        String note;

        NoteSigner signer = SIGNER;

        Log grow(int entries, String salt) {
            for (int i = 0; i < entries; i++) {
                tree.append(TreeHash.leaf((salt + tree.size()).getBytes(StandardCharsets.UTF_8)));
            }
            note = signer.sign(new Checkpoint(ORIGIN, tree.size(), tree.root()).text());
            return this;
        }

        @Override
        public @Nullable String latestNote() {
            return note;
        }

        @Override
        public List<byte[]> consistencyProof(long fromSize, long toSize) {
            return MerkleTree.consistencyProof(fromSize, toSize, tree);
        }
    }

    @Test
    void followsAGrowingLogAndCatchesAFork() throws IOException {
        Path state = directory.resolve("witness.note");
        Log log = new Log();
        Witness witness = new Witness(log, state, KEYS);
        assertThat(witness.observe().verdict()).isEqualTo(Witness.Verdict.NONE);

        log.grow(5, "a");
        assertThat(witness.observe().verdict()).isEqualTo(Witness.Verdict.FIRST);
        assertThat(witness.observe().verdict()).isEqualTo(Witness.Verdict.UNCHANGED);
        log.grow(8, "a");
        Witness.Observation grew = witness.observe();
        assertThat(grew.verdict()).as("%s", grew).isEqualTo(Witness.Verdict.CONSISTENT);
        assertThat(Files.readString(state)).isEqualTo(log.note);

        // Another history for other readers: entry 3 differs, the tree goes on from there.
        Log forked = new Log().grow(2, "a").grow(1, "b").grow(20, "a");
        Witness.Observation fork = new Witness(forked, state, KEYS).observe();
        assertThat(fork.verdict()).as("%s", fork).isEqualTo(Witness.Verdict.FORK);
        assertThat(fork.kept().size()).isEqualTo(13);
        assertThat(Files.readString(state)).as("the kept checkpoint stays").isEqualTo(log.note);

        // A shorter log, another root for the same size, a stranger's signature.
        assertThat(new Witness(new Log().grow(12, "a"), state, KEYS).observe().verdict())
                .isEqualTo(Witness.Verdict.FORK);
        assertThat(new Witness(new Log().grow(13, "c"), state, KEYS).observe().verdict())
                .isEqualTo(Witness.Verdict.FORK);
        Log stranger = new Log();
        stranger.signer = NoteSigner.of(ORIGIN, seed(9));
        assertThat(new Witness(stranger.grow(20, "a"), state, KEYS).observe().verdict())
                .isEqualTo(Witness.Verdict.REFUSED);

        // The log itself goes on growing: still consistent with what was kept.
        assertThat(witness.observe().verdict()).isEqualTo(Witness.Verdict.UNCHANGED);
        log.grow(30, "a");
        assertThat(witness.observe().verdict()).isEqualTo(Witness.Verdict.CONSISTENT);
    }

    @Test
    void watchesADirectoryOfTheApisAnswersFromTheCommandLine() throws IOException {
        Log log = new Log().grow(4, "a");
        Path mirror = Files.createDirectory(directory.resolve("mirror"));
        Files.writeString(mirror.resolve("latest.note"), log.note);
        Path state = directory.resolve("state.note");
        String key = SIGNER.verifierKey();
        String[] args = {"--watch", mirror.toString(), "--state", state.toString(), "--key", key, "--once"};
        assertThat(run(args)).isZero();

        log.grow(3, "a");
        Files.writeString(mirror.resolve("latest.note"), log.note);
        Files.writeString(mirror.resolve("consistency-4-7.json"), answer(log.consistencyProof(4, 7)));
        assertThat(run(args)).isZero();

        Log forked = new Log().grow(3, "a").grow(5, "z");
        Files.writeString(mirror.resolve("latest.note"), forked.note);
        Files.writeString(mirror.resolve("consistency-7-8.json"), answer(forked.consistencyProof(7, 8)));
        assertThat(run(args)).isEqualTo(1);
        assertThat(Files.readString(state)).isEqualTo(log.note);
    }

    private static int run(String[] args) {
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(ignored, true, StandardCharsets.UTF_8);
        return AuditVerifierCommand.run(args, sink, sink);
    }

    private static String answer(List<byte[]> proof) {
        return proof.stream()
                .map(hash -> "\"" + Base64.getEncoder().encodeToString(hash) + "\"")
                .collect(Collectors.joining(",", "{\"proof\":[", "]}"));
    }
}
