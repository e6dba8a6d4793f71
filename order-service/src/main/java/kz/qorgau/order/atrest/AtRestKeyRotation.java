package kz.qorgau.order.atrest;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every order's personal data under the active at-rest key, so a retired key can then be
 * removed from the ring. Walks the table in id order, one transaction per batch; rows already under
 * the active key are skipped, so a second run is a no-op and an interrupted run just runs again.
 * Logs counts and key ids only.
 */
@Service
public class AtRestKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(AtRestKeyRotation.class);

    /** What a rotation did. */
    public record Result(String activeKeyId, long rotated, long remaining) {}

    private final List<SealedRows> tables;
    private final TransactionTemplate transactions;
    private final int batchSize;

    public AtRestKeyRotation(List<SealedRows> tables, TransactionTemplate transactions, AtRestProperties properties) {
        this.tables = tables;
        this.transactions = transactions;
        this.batchSize = properties.rotationBatchSize();
    }

    /** Rotates every table that holds sealed rows, one after another. */
    public Result rotate() {
        String active = null;
        long rotated = 0;
        long remaining = 0;
        for (SealedRows table : tables) {
            Result result = rotate(table);
            active = result.activeKeyId();
            rotated += result.rotated();
            remaining += result.remaining();
        }
        return new Result(active, rotated, remaining);
    }

    private Result rotate(SealedRows orders) {
        String active = orders.activeKeyId();
        long total = orders.countNotUnderActiveKey();
        log.info("At-rest key rotation to key id {}: {} orders to re-encrypt, batches of {}", active, total, batchSize);
        long rotated = 0;
        UUID after = null;
        while (true) {
            UUID cursor = after;
            List<UUID> batch = transactions.execute(status -> orders.resealBatch(cursor, batchSize));
            if (batch == null || batch.isEmpty()) {
                break;
            }
            rotated += batch.size();
            after = batch.get(batch.size() - 1);
            log.info("At-rest key rotation to key id {}: {} of {} orders re-encrypted", active, rotated, total);
        }
        long remaining = orders.countNotUnderActiveKey();
        log.info("At-rest key rotation to key id {} done: {} orders re-encrypted, {} left", active, rotated, remaining);
        return new Result(active, rotated, remaining);
    }
}
