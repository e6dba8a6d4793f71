package kz.qorgau.auditverifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditlog.Proofs;
import kz.qorgau.auditlog.TreeHash;
import org.jspecify.annotations.Nullable;

/**
 * A witness of the log (docs/adr/0027): it keeps the last checkpoint it accepted in a file and accepts a new one
 * only when its signature verifies and a consistency proof shows the old tree is a prefix of the new. Anything
 * else (a smaller tree, another root for the same size, a proof that fails) is a fork: the log shows different
 * histories to different readers, or rewrote its own. The kept checkpoint then stays, so the fork stays evident.
 */
public final class Witness {

    /** Where checkpoints and proofs come from: the service's API, or files. */
    public interface Source {

        /** The newest signed checkpoint, as a signed note; null when the log has none yet. */
        @Nullable
        String latestNote() throws IOException;

        /** The consistency proof from the tree of {@code fromSize} to that of {@code toSize}. */
        List<byte[]> consistencyProof(long fromSize, long toSize) throws IOException;
    }

    /** What the witness made of the newest checkpoint. */
    public enum Verdict {
        /** The first checkpoint seen: kept. */
        FIRST,
        /** The same as the one kept. */
        UNCHANGED,
        /** A larger tree, proven to extend the kept one: kept instead. */
        CONSISTENT,
        /** The log has no checkpoint yet. */
        NONE,
        /** Not signed by a given key, or not for the same log. */
        REFUSED,
        /** Inconsistent with the kept checkpoint: a fork. */
        FORK
    }

    public record Observation(Verdict verdict, @Nullable Checkpoint kept, @Nullable Checkpoint seen, String detail) {

        public boolean fine() {
            return verdict != Verdict.REFUSED && verdict != Verdict.FORK;
        }

        @Override
        public String toString() {
            return verdict + ": " + detail;
        }
    }

    private final Source source;
    private final Path state;
    private final List<NoteVerifier> keys;

    /**
     * @param state the file holding the last accepted signed note (created on the first)
     * @param keys the verifier keys the log signs with
     */
    public Witness(Source source, Path state, List<NoteVerifier> keys) {
        this.source = source;
        this.state = state;
        this.keys = List.copyOf(keys);
    }

    /** Reads the newest checkpoint once, and keeps it when it extends the kept one. */
    public Observation observe() throws IOException {
        Checkpoint kept = null;
        if (Files.exists(state)) {
            kept = Checkpoint.verified(Files.readString(state, StandardCharsets.UTF_8), keys);
        }
        String note = source.latestNote();
        if (note == null) {
            return new Observation(Verdict.NONE, kept, null, "the log has no checkpoint yet");
        }
        Checkpoint seen;
        try {
            seen = Checkpoint.verified(note, keys);
        } catch (IllegalArgumentException e) {
            return new Observation(
                    Verdict.REFUSED, kept, null, "the newest checkpoint does not verify: " + e.getMessage());
        }
        if (kept == null) {
            keep(note);
            return new Observation(Verdict.FIRST, seen, seen, "kept " + seen);
        }
        if (!kept.origin().equals(seen.origin())) {
            return new Observation(Verdict.REFUSED, kept, seen, "a checkpoint of another log: " + seen.origin());
        }
        if (seen.size() < kept.size()) {
            return new Observation(
                    Verdict.FORK, kept, seen, "the log shrank from " + kept.size() + " to " + seen.size() + " entries");
        }
        if (seen.size() == kept.size()) {
            return TreeHash.same(seen.root(), kept.root())
                    ? new Observation(Verdict.UNCHANGED, kept, seen, "still " + kept)
                    : new Observation(Verdict.FORK, kept, seen, "two roots signed for size " + seen.size());
        }
        List<byte[]> proof = source.consistencyProof(kept.size(), seen.size());
        if (!Proofs.verifyConsistency(kept.size(), seen.size(), proof, kept.root(), seen.root())) {
            return new Observation(
                    Verdict.FORK,
                    kept,
                    seen,
                    "the tree of " + seen.size() + " entries does not extend the kept one of " + kept.size());
        }
        keep(note);
        return new Observation(Verdict.CONSISTENT, seen, seen, "grew from " + kept.size() + " to " + seen.size());
    }

    /** Written aside and moved, so a crash never leaves half a note. */
    private void keep(String note) throws IOException {
        Path absolute = state.toAbsolutePath();
        Path written = absolute.resolveSibling(absolute.getFileName() + ".new");
        Files.writeString(written, note, StandardCharsets.UTF_8);
        Files.move(written, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
