package kz.qorgau.kit.outbox;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * Sends outbox rows in transactions; one term as the active relay is {@link #open()} … {@link #close()}.
 * An interface, so that the relay's decisions test with a fake. Used by the relay thread only.
 */
interface OutboxPublisher {

    /** Starts a term: from here on the publisher of any earlier term (on any instance) is fenced. */
    void open();

    void begin();

    /** Sends the row in the current transaction; completes when the broker acknowledged it or it failed. */
    CompletableFuture<RecordMetadata> send(OutboxRow row);

    /**
     * Hands every row sent so far to the broker now, not after the producer's linger, and returns when each
     * is acknowledged or failed (a send fails after the send timeout at the latest).
     */
    void flush();

    /** Makes the transaction's records visible to read-committed consumers; throws when fenced. */
    void commit();

    /** Drops the transaction's records: read-committed consumers never see them. */
    void abort();

    /** Ends the term. */
    void close();

    /** Whether {@code failure} says that a newer relay has taken over the transactional id. */
    static boolean isFenced(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
