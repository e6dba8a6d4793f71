package kz.qorgau.audit.checkpoint;

import java.time.Instant;
import kz.qorgau.auditlog.Checkpoint;

/** A row of {@code audit_checkpoint}: a signed checkpoint, and the key that signed it. */
public record StoredCheckpoint(
        long id, Checkpoint checkpoint, String keyName, String keyId, String signedNote, Instant signedAt) {

    public long treeSize() {
        return checkpoint.size();
    }
}
