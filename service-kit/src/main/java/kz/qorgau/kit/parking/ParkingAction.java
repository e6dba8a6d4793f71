package kz.qorgau.kit.parking;

import java.time.Instant;
import java.util.List;

/**
 * An operator's action on a parked key.
 *
 * @param kind what was done
 * @param key the sequence key (the Kafka key)
 * @param operator the operator's token subject
 * @param at when
 * @param head the head the action began with: its topic, partition and offset say which record it was
 * @param outcome {@link Outcome}
 * @param replayed records handled by a replay (0 for a discard)
 * @param reason a discard's reason code; {@code null} for a replay
 * @param neverDone what will now never be done because the head was discarded (a service's own words;
 *     empty for a replay)
 * @param remaining records still parked under the key afterwards
 */
public record ParkingAction(
        Kind kind,
        String key,
        String operator,
        Instant at,
        ParkedRecord head,
        Outcome outcome,
        int replayed,
        String reason,
        List<String> neverDone,
        int remaining) {

    public ParkingAction {
        neverDone = List.copyOf(neverDone);
    }

    public enum Kind {
        REPLAYED,
        DISCARDED
    }

    public enum Outcome {
        /** Nothing of the key is parked any more; its records flow again. */
        RELEASED,
        /** The key stays parked (a discard that left records behind). */
        STILL_PARKED,
        /** A replayed record failed again and is the head now. */
        FAILED_AGAIN
    }
}
