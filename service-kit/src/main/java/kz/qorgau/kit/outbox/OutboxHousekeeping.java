package kz.qorgau.kit.outbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes published outbox rows after their retention; unpublished rows stay until published. The active
 * relay runs it between rounds, once per purge interval, so that only one instance purges and the kit
 * needs no scheduler of the service's.
 */
final class OutboxHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);

    private final OutboxStore store;
    private final Duration retention;
    private final Duration interval;
    private long nextPurgeNanos;

    OutboxHousekeeping(OutboxStore store, Duration retention, Duration interval) {
        this.store = store;
        this.retention = retention;
        this.interval = interval;
        this.nextPurgeNanos = System.nanoTime() + interval.toNanos();
    }

    /** Purges when the interval has passed since the last purge (or since start). */
    void purgeIfDue() {
        long now = System.nanoTime();
        if (now - nextPurgeNanos < 0) {
            return;
        }
        nextPurgeNanos = now + interval.toNanos();
        int deleted = store.deletePublishedBefore(retention);
        if (deleted > 0) {
            log.info("Deleted {} published outbox rows older than {}", deleted, retention);
        }
    }
}
