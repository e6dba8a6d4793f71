package kz.qorgau.kit.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** What the relay reads from and writes to the outbox table (an interface, so its decisions test with a fake). */
interface OutboxStore {

    /**
     * The rows that may be published now, oldest first, at most {@code limit}: for each subject with
     * unpublished rows, a run of them in sequence order that starts at its lowest unpublished sequence number
     * and has no gap, unless that lowest row is waiting out a backoff (then the whole subject waits, so its
     * later rows can never overtake it).
     */
    List<OutboxRow> publishable(int limit);

    /** Marks rows published; only rows the broker acknowledged (and whose transaction committed) get here. */
    void markPublished(List<Published> published);

    /** Records a failed attempt; the row's subject waits {@code backoff} before its next attempt. */
    void markFailed(UUID eventId, String error, Duration backoff);

    /** Unpublished rows and the age of the oldest, for the backlog gauges. */
    Backlog backlog();

    /** Deletes published rows older than {@code retention}; unpublished rows are never deleted. */
    int deletePublishedBefore(Duration retention);

    record Published(UUID eventId, int partition, long offset) {}

    record Backlog(long size, double oldestAgeSeconds) {}
}
