package kz.qorgau.order.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes published outbox rows after their retention; unpublished rows stay until published. */
@Component
class OutboxHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);

    private final OutboxStore store;
    private final OutboxProperties properties;

    OutboxHousekeeping(OutboxStore store, OutboxProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${qorgau.outbox.purge-interval:1h}",
            initialDelayString = "${qorgau.outbox.purge-interval:1h}")
    void deletePublishedRows() {
        int deleted = store.deletePublishedBefore(properties.retention());
        if (deleted > 0) {
            log.info("Deleted {} published outbox rows older than {}", deleted, properties.retention());
        }
    }
}
