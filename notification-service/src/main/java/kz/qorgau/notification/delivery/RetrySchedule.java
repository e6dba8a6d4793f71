package kz.qorgau.notification.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.LongUnaryOperator;

/**
 * When a failed notice is tried again: exponential back-off (first delay doubled per attempt, capped) with
 * equal jitter (half the delay fixed, half random, so instances that failed together do not retry together),
 * never sooner than the peer's Retry-After, and never after the deadline: the last attempt is at the deadline.
 */
final class RetrySchedule {

    private final Duration first;
    private final Duration max;
    private final LongUnaryOperator random;

    /** @param random a random long in [0, bound) for a bound; the tests make it fixed */
    RetrySchedule(Duration first, Duration max, LongUnaryOperator random) {
        this.first = first;
        this.max = max;
        this.random = random;
    }

    /** The back-off after {@code failedAttempts} failed attempts (1 or more). */
    Duration backOff(int failedAttempts) {
        long cap = max.toMillis();
        long delay = first.toMillis();
        for (int i = 1; i < failedAttempts && delay < cap; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, cap);
        long half = delay / 2;
        return Duration.ofMillis(delay - half + (half > 0 ? random.applyAsLong(half + 1) : 0));
    }

    /**
     * The next attempt's time, or null when the deadline has passed and the notice is given up.
     *
     * @param retryAfter the peer's Retry-After, or null
     */
    OffsetDateTime next(int failedAttempts, Duration retryAfter, OffsetDateTime now, OffsetDateTime deadline) {
        if (!now.isBefore(deadline)) {
            return null;
        }
        Duration delay = backOff(failedAttempts);
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        OffsetDateTime due = now.plus(delay);
        return due.isAfter(deadline) ? deadline : due;
    }
}
