package kz.qorgau.events;

import java.time.Instant;

/**
 * An operator replayed or discarded the parked head of an order's events at notification-service
 * (docs/adr/0019): the audit trail's record of who released or dropped what. Published on {@code
 * qorgau.notifications}.
 *
 * @param orderId the parked sequence key, the order (UUID string); the subject and Kafka key
 * @param action {@code REPLAYED} or {@code DISCARDED}
 * @param operator the operator's token subject (pseudonymous, as the identity provider issues it)
 * @param takenAt when the action ended
 * @param headTopic the catalogue name of the topic the head was read from
 * @param headPartition the head's partition
 * @param headOffset the head's offset: with the topic and partition, which record it was
 * @param outcome {@code RELEASED} (nothing of the order is parked any more), {@code STILL_PARKED} (a
 *     discard left records behind) or {@code FAILED_AGAIN} (a replayed record failed and is the head now)
 * @param replayedRecords records a replay handled, 0 for a discard
 * @param reason a discard's reason code (e.g. {@code TEST_RECORD}); {@code null} for a replay
 * @param noticesNeverSent how many notices a discard means will never be sent (the operator's answer
 *     lists them, so that people can be told by hand); 0 for a replay
 * @param remainingRecords records still parked for the order afterwards
 */
public record ParkingActionTaken(
        String orderId,
        Action action,
        String operator,
        Instant takenAt,
        String headTopic,
        int headPartition,
        long headOffset,
        Outcome outcome,
        int replayedRecords,
        String reason,
        int noticesNeverSent,
        int remainingRecords)
        implements QorgauEvent {

    /** CloudEvents type; the version suffix changes only with a breaking change. */
    public static final String TYPE = "kz.qorgau.parking.action.taken.v1";

    public ParkingActionTaken {
        Checks.uuid(TYPE, "orderId", orderId);
        Checks.required(TYPE, "action", action);
        Checks.text(TYPE, "operator", operator, 255);
        Checks.required(TYPE, "takenAt", takenAt);
        Checks.text(TYPE, "headTopic", headTopic, 249);
        Checks.notNegative(TYPE, "headPartition", headPartition);
        if (headOffset < 0) {
            throw new EventContractException(TYPE, "headOffset", "must not be negative");
        }
        Checks.required(TYPE, "outcome", outcome);
        Checks.notNegative(TYPE, "replayedRecords", replayedRecords);
        if (reason != null) {
            Checks.code(TYPE, "reason", reason);
        }
        Checks.notNegative(TYPE, "noticesNeverSent", noticesNeverSent);
        Checks.notNegative(TYPE, "remainingRecords", remainingRecords);
    }

    /** What the operator did. */
    public enum Action {
        REPLAYED,
        DISCARDED
    }

    /** What came of it. */
    public enum Outcome {
        RELEASED,
        STILL_PARKED,
        FAILED_AGAIN
    }
}
