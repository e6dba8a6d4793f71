package kz.qorgau.audit.verify;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of recomputing every leaf from the stored fields and the chain from the leaves.
 *
 * @param intact whether every entry is as it was appended
 * @param size entries in the trail when verification began (later appends are not checked)
 * @param headHash hex of the chain hash of the last entry checked (of entry {@code size} when
 *     intact); 64 zeros for an empty trail
 * @param firstBadSequence the first entry that does not check, or {@code null}
 * @param problem what is wrong with it, or {@code null}
 * @param detail the problem in words, or {@code null}
 * @param durationMillis how long verification took
 * @param verifiedFrom entries 1 to this were verified before, by an earlier verification of this instance, and
 *     not hashed again (docs/adr/0027); 0 for a full verification
 */
@Schema(description = "The result of verifying the audit trail")
public record Verification(
        @Schema(description = "Whether every entry is as it was appended") boolean intact,
        @Schema(description = "Entries in the trail when verification began") long size,
        @Schema(description = "Hex SHA-256 chain hash of the last entry checked (all zeros when empty)")
                String headHash,
        @Schema(description = "The first entry that does not check, when not intact") @Nullable Long firstBadSequence,
        @Schema(description = "What is wrong with that entry, when not intact") @Nullable Problem problem,
        @Schema(description = "The problem in words, when not intact") @Nullable String detail,
        @Schema(description = "How long verification took, in milliseconds") long durationMillis,
        @Schema(
                        description = "Entries 1 to this were verified by an earlier verification and not hashed"
                                + " again (incremental); 0 for a full verification")
                long verifiedFrom) {

    /** What can be wrong with an entry. */
    public enum Problem {
        /** The stored fields do not hash to the stored leaf hash: a field was changed. */
        LEAF_MISMATCH,
        /** The chain hash is not SHA-256(previous chain hash ‖ leaf hash): a leaf hash was changed. */
        CHAIN_MISMATCH,
        /** An entry is missing: sequence numbers do not follow on. */
        SEQUENCE_GAP,
        /** The row holds values no appended entry can have. */
        UNREADABLE,
        /**
         * The entries up to a signed checkpoint's size do not hash to its root: an entry up to there was
         * rewritten with its hashes, removed, inserted or moved since it was signed (docs/adr/0023).
         */
        CHECKPOINT_MISMATCH,
        /** A stored checkpoint's signature does not verify with the signing key: it was forged. */
        CHECKPOINT_FORGED,
        /** The trail has fewer entries than a signed checkpoint commits to: its newest were removed. */
        TRUNCATED
    }

    static Verification intact(long size, String headHash, long durationMillis, long verifiedFrom) {
        return new Verification(true, size, headHash, null, null, null, durationMillis, verifiedFrom);
    }

    static Verification broken(
            long size,
            String headHash,
            long sequence,
            Problem problem,
            String detail,
            long durationMillis,
            long verifiedFrom) {
        return new Verification(false, size, headHash, sequence, problem, detail, durationMillis, verifiedFrom);
    }
}
