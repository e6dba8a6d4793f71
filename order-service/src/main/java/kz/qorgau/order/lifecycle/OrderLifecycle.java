package kz.qorgau.order.lifecycle;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import kz.qorgau.order.protectiveorder.OrderStatus;

/**
 * The state machine of an order, as plain decisions (no Spring, no database): ISSUED → IN_FORCE when
 * served → EXPIRED or REVOKED; ISSUED → VOIDED when entered in error. Everything else that happens to
 * an order leaves its status as it is, and is allowed only in the statuses listed here.
 */
public final class OrderLifecycle {

    private static final Set<OrderStatus> IN_FORCE = EnumSet.of(OrderStatus.IN_FORCE);
    // A violation reported in force may be confirmed, and its arrest run, after the order ended.
    private static final Set<OrderStatus> SERVED_ONCE =
            EnumSet.of(OrderStatus.IN_FORCE, OrderStatus.EXPIRED, OrderStatus.REVOKED);

    private static final Map<Action, Set<OrderStatus>> ALLOWED_IN = Map.ofEntries(
            Map.entry(Action.SERVE, EnumSet.of(OrderStatus.ISSUED)),
            Map.entry(Action.RECORD_FAILED_SERVICE, EnumSet.of(OrderStatus.ISSUED)),
            Map.entry(Action.VOID, EnumSet.of(OrderStatus.ISSUED)),
            Map.entry(Action.REVOKE, IN_FORCE),
            Map.entry(Action.AMEND, EnumSet.of(OrderStatus.ISSUED, OrderStatus.IN_FORCE)),
            Map.entry(Action.REPORT_VIOLATION, IN_FORCE),
            Map.entry(Action.CONFIRM_VIOLATION, SERVED_ONCE),
            Map.entry(Action.START_ARREST, SERVED_ONCE),
            Map.entry(Action.END_ARREST, SERVED_ONCE),
            Map.entry(Action.RECORD_CHECK, IN_FORCE),
            Map.entry(Action.CORRECT_CHECK, SERVED_ONCE),
            Map.entry(Action.MARK_SERVICE_OVERDUE, EnumSet.of(OrderStatus.ISSUED)),
            Map.entry(Action.MARK_CHECK_OVERDUE, IN_FORCE),
            Map.entry(Action.WARN_OF_EXPIRY, IN_FORCE),
            Map.entry(Action.EXPIRE, IN_FORCE),
            Map.entry(Action.ASSESS_RISK, EnumSet.of(OrderStatus.ISSUED, OrderStatus.IN_FORCE)),
            Map.entry(Action.MARK_RISK_REASSESSMENT_OVERDUE, EnumSet.of(OrderStatus.ISSUED, OrderStatus.IN_FORCE)));

    private static final Map<Action, OrderStatus> MOVES_TO = Map.of(
            Action.SERVE, OrderStatus.IN_FORCE,
            Action.VOID, OrderStatus.VOIDED,
            Action.REVOKE, OrderStatus.REVOKED,
            Action.EXPIRE, OrderStatus.EXPIRED);

    private OrderLifecycle() {}

    /** What {@code action} does to an order in {@code status}. */
    public static Decision decide(OrderStatus status, Action action) {
        if (!ALLOWED_IN.get(action).contains(status)) {
            return new Refused("An order that is %s cannot %s.".formatted(status, verbPhrase(action)));
        }
        return new Allowed(MOVES_TO.getOrDefault(action, status));
    }

    /** The statuses in which {@code action} is allowed (for documentation and tests). */
    public static Set<OrderStatus> allowedIn(Action action) {
        return EnumSet.copyOf(ALLOWED_IN.get(action));
    }

    /** What a violation's own state allows: confirm once, then start an arrest once, then end it once. */
    public static Decision decideViolation(ViolationState violation, Action action) {
        String refusal =
                switch (action) {
                    case CONFIRM_VIOLATION -> violation.confirmed() ? "The violation is already confirmed." : null;
                    case START_ARREST ->
                        !violation.confirmed()
                                ? "An arrest needs a confirmed violation."
                                : violation.arrestStarted() ? "The arrest for this violation already started." : null;
                    case END_ARREST ->
                        !violation.arrestStarted()
                                ? "No arrest for this violation has started."
                                : violation.arrestEnded() ? "The arrest for this violation already ended." : null;
                    default -> throw new IllegalArgumentException(action + " is not an action on a violation");
                };
        return refusal == null ? new Allowed(null) : new Refused(refusal);
    }

    private static String verbPhrase(Action action) {
        String phrase = action.phrase();
        return phrase.startsWith("have ") || phrase.startsWith("be ") || phrase.equals("expire")
                ? phrase
                : "be " + phrase;
    }

    /** A violation's state, as far as its lifecycle needs it. */
    public record ViolationState(boolean confirmed, boolean arrestStarted, boolean arrestEnded) {}

    /** The outcome of a decision. */
    public sealed interface Decision {}

    /** Allowed; the order's status afterwards ({@code null} for a violation's decision). */
    public record Allowed(OrderStatus next) implements Decision {}

    /** Impossible now, and why (a sentence for the problem detail). */
    public record Refused(String reason) implements Decision {}
}
