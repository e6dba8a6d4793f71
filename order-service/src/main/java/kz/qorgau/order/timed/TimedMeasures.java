package kz.qorgau.order.timed;

import java.time.Instant;

/**
 * The timed events of a measure other than the protective order (special requirements coming into
 * force, a missed reporting visit, their expiry), raised by the same scan under the same lock. Each
 * implementation keeps the rule of {@link TimedEvents}: a keyed row per event, committed with its outbox
 * row, so a second scan adds nothing.
 */
public interface TimedMeasures {

    /**
     * Raises every event due at {@code now} that was not raised yet, each in its own transaction.
     *
     * @return how many were raised
     */
    int raiseDue(Instant now);
}
