package kz.qorgau.notification.contacts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kz.qorgau.events.OrderExpired;
import kz.qorgau.events.OrderRevoked;
import kz.qorgau.events.OrderVoided;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.notification.notice.EventRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contacts are kept no longer than needed (docs/adr/0030): when the order ends (revoked, voided, expired) its
 * contacts are due for deletion {@code delete-after-order-ends} later, set in the listener's transaction; a
 * scheduled job on every instance, one at a time (a transaction-scoped advisory lock, as the acknowledgement ladder
 * does), deletes the rows that are due, in batches.
 */
@Component
class ContactRetention {

    /** A constant key for pg_try_advisory_xact_lock: "contacts" as a number. */
    private static final long LOCK = 0x636f6e7461637473L;

    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ContactRetention.class);

    private final VictimContactsLedger ledger;
    private final ContactsProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ContactRetention(
            VictimContactsLedger ledger,
            ContactsProperties properties,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.ledger = ledger;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** In the transaction that records the event (synchronously, {@link EventRecorded}). */
    @EventListener
    void onRecorded(EventRecorded recorded) {
        Instant ended = endedAt(recorded.data());
        if (ended != null) {
            ledger.orderEnded(
                    UUID.fromString(recorded.cause().orderId()),
                    OffsetDateTime.ofInstant(ended.plus(properties.deleteAfterOrderEnds()), ZoneOffset.UTC)
                            .truncatedTo(ChronoUnit.MICROS));
        }
    }

    private static Instant endedAt(QorgauEvent data) {
        if (data instanceof OrderRevoked e) {
            return e.revokedAt();
        }
        if (data instanceof OrderVoided e) {
            return e.voidedAt();
        }
        if (data instanceof OrderExpired e) {
            return e.validUntil();
        }
        return null;
    }

    @Scheduled(
            fixedDelayString = "${qorgau.notification.contacts.cleanup-interval:1h}",
            initialDelayString = "${qorgau.notification.contacts.cleanup-interval:1h}")
    void scheduledCleanup() {
        try {
            deleteDue();
        } catch (RuntimeException e) {
            // The database may be away: the next run tries again. The exception's class only.
            log.warn(
                    "Deleting contacts due for deletion failed: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Deletes every contact due for deletion; how many. Another instance running it meanwhile: 0 here. */
    int deleteDue() {
        int total = 0;
        while (true) {
            Integer deleted = transactions.execute(status -> {
                Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                        .param("lock", LOCK)
                        .query(Boolean.class)
                        .single();
                if (!Boolean.TRUE.equals(locked)) {
                    return 0;
                }
                return ledger.deleteDue(OffsetDateTime.now(clock), BATCH);
            });
            total += deleted == null ? 0 : deleted;
            if (deleted == null || deleted < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.info("Deleted {} victim contacts whose orders ended", total);
        }
        return total;
    }
}
