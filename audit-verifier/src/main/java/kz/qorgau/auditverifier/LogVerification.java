package kz.qorgau.auditverifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.qorgau.auditlog.Checkpoint;
import kz.qorgau.auditlog.CompactRange;
import kz.qorgau.auditlog.NoteVerifier;
import kz.qorgau.auditlog.TreeHash;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an export of the trail against signed checkpoints, alone (docs/adr/0023):
 *
 * <ol>
 *   <li>every checkpoint's signature, by one of the given keys, and one origin for all;
 *   <li>every entry in order from 1, its leaf recomputed from its fields (the stated leaf and chain hash
 *       must agree with it);
 *   <li>at each checkpoint's size, the root of the entries so far is the checkpoint's root: so the
 *       checkpoints are consistent with one another and the export is the log they commit to;
 *   <li>the export ends exactly at the largest checkpoint: nothing missing, nothing unsigned after it.
 * </ol>
 *
 * The first failure ends the check and names the first bad sequence number and why. Memory is O(log n)
 * plus the checkpoints: the export is read once, as a stream.
 */
public final class LogVerification {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LogVerification() {}

    /** What the check found. {@code firstBadSequence} is null when the export verifies. */
    public record Result(
            boolean verified,
            long entries,
            List<Checkpoint> checkpoints,
            @Nullable Long firstBadSequence,
            @Nullable String reason) {

        static Result failed(long entries, List<Checkpoint> checkpoints, long sequence, String reason) {
            return new Result(false, entries, checkpoints, sequence, reason);
        }

        @Override
        public String toString() {
            return verified
                    ? "VERIFIED: " + entries + " entries, " + checkpoints.size() + " checkpoints up to size "
                            + (checkpoints.isEmpty()
                                    ? 0
                                    : checkpoints.get(checkpoints.size() - 1).size())
                    : "FAILED at sequence " + firstBadSequence + ": " + reason;
        }
    }

    /**
     * @param lines the export, one JSON object a line (blank lines are skipped)
     * @param signedNotes the checkpoints, each a signed note
     * @param keys the verifier keys that may have signed them (old keys after a rotation too)
     */
    public static Result verify(Iterator<String> lines, List<String> signedNotes, List<NoteVerifier> keys) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < signedNotes.size(); i++) {
            try {
                checkpoints.add(Checkpoint.verified(signedNotes.get(i), keys));
            } catch (IllegalArgumentException e) {
                return Result.failed(0, List.of(), 1, "checkpoint " + (i + 1) + " does not verify: " + e.getMessage());
            }
        }
        if (checkpoints.isEmpty()) {
            return Result.failed(0, List.of(), 1, "no checkpoint: an export proves nothing without a signed one");
        }
        checkpoints.sort(Comparator.comparingLong(Checkpoint::size));
        String origin = checkpoints.get(0).origin();
        Optional<Checkpoint> foreign = checkpoints.stream()
                .filter(checkpoint -> !checkpoint.origin().equals(origin))
                .findFirst();
        if (foreign.isPresent()) {
            return Result.failed(
                    0,
                    checkpoints,
                    1,
                    "checkpoints of two logs: " + origin + " and "
                            + foreign.get().origin());
        }
        // By size; two different roots for one size are a fork, whatever the export says.
        TreeMap<Long, Checkpoint> bySize = new TreeMap<>();
        for (Checkpoint checkpoint : checkpoints) {
            Checkpoint same = bySize.putIfAbsent(checkpoint.size(), checkpoint);
            if (same != null && !same.equals(checkpoint)) {
                return Result.failed(
                        0,
                        checkpoints,
                        1,
                        "two signed checkpoints of size " + checkpoint.size()
                                + " with different roots: the log forked");
            }
        }
        return checkEntries(lines, checkpoints, bySize);
    }

    private static Result checkEntries(
            Iterator<String> lines, List<Checkpoint> checkpoints, TreeMap<Long, Checkpoint> bySize) {
        long last = bySize.lastKey();
        CompactRange tree = new CompactRange();
        byte[] chain = new byte[TreeHash.SIZE];
        long goodUpTo = 0;
        long sequence = 0;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isBlank()) {
                continue;
            }
            sequence++;
            ExportedEntry exported;
            try {
                exported = ExportedEntry.read(JSON.readTree(line));
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                return Result.failed(
                        sequence - 1,
                        checkpoints,
                        sequence,
                        "line " + sequence + " is not an entry: " + e.getMessage());
            }
            if (exported.sequence() != sequence) {
                return Result.failed(
                        sequence - 1,
                        checkpoints,
                        sequence,
                        "the line holds entry " + exported.sequence()
                                + ": entries must follow on from 1 without gap, repetition or reordering");
            }
            if (sequence > last) {
                return Result.failed(
                        sequence - 1,
                        checkpoints,
                        sequence,
                        "no checkpoint commits to it: the newest checkpoint has " + last + " entries");
            }
            byte[] leaf = exported.leaf();
            if (!TreeHash.same(leaf, exported.statedLeafHash())) {
                return Result.failed(sequence - 1, checkpoints, sequence, "its fields do not hash to its leaf hash");
            }
            chain = TreeHash.digest(chain, leaf);
            if (exported.statedChainHash() == null || !TreeHash.same(chain, exported.statedChainHash())) {
                return Result.failed(sequence - 1, checkpoints, sequence, "its chain hash does not follow the chain");
            }
            tree.append(leaf);
            Checkpoint checkpoint = bySize.get(sequence);
            if (checkpoint != null) {
                if (!TreeHash.same(tree.root(), checkpoint.root())) {
                    return Result.failed(
                            sequence,
                            checkpoints,
                            goodUpTo + 1,
                            "entries " + (goodUpTo + 1) + " to " + sequence
                                    + " do not hash to the root of the signed checkpoint of size " + sequence
                                    + ": one of them was changed, removed, inserted or moved since it was signed");
                }
                goodUpTo = sequence;
            }
        }
        if (sequence < last) {
            // Something after the last checkpoint that matched was removed: which, the export cannot say.
            Map.Entry<Long, Checkpoint> missing = bySize.ceilingEntry(sequence + 1);
            return Result.failed(
                    sequence,
                    checkpoints,
                    goodUpTo + 1,
                    "the export ends at " + sequence + " entries, but a signed checkpoint commits to "
                            + missing.getKey() + ": entries after " + goodUpTo
                            + " (the last size a checkpoint confirms) were removed");
        }
        return new Result(true, sequence, List.copyOf(bySize.values()), null, null);
    }
}
