package kz.qorgau.notification.victims;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A contact's quiet hours (stored with the contact, docs/adr/0030): a routine notice recorded inside them waits
 * until they end; an urgent one never waits. {@code from} after {@code until} spans midnight (22:00-07:00).
 */
final class QuietHours {

    private QuietHours() {}

    /** When a routine notice recorded at {@code now} may go, if the quiet hours hold it back. */
    static Optional<Instant> end(Instant now, LocalTime from, LocalTime until, ZoneId zone) {
        if (from == null || until == null || from.equals(until)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (from.isBefore(until)) {
            return !time.isBefore(from) && time.isBefore(until)
                    ? Optional.of(local.with(until).toInstant())
                    : Optional.empty();
        }
        if (!time.isBefore(from)) {
            return Optional.of(local.plusDays(1).with(until).toInstant());
        }
        return time.isBefore(until) ? Optional.of(local.with(until).toInstant()) : Optional.empty();
    }
}
