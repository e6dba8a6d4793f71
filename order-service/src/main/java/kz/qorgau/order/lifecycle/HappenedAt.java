package kz.qorgau.order.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.order.law.Law;

/**
 * When an officer says a thing happened: up to the configured backdating before now (72 hours by
 * default), never in the future, never before the order was issued. Both this time and the time it was
 * entered are kept.
 */
public final class HappenedAt {

    private HappenedAt() {}

    /**
     * The time to record: {@code stated}, or {@code now} when none was stated, to the microsecond
     * PostgreSQL keeps.
     *
     * @throws InvalidRequestException naming {@code field} if the time is refused
     */
    public static Instant accept(String field, Instant stated, Instant now, Instant notBefore, Law law) {
        Instant at = (stated == null ? now : stated).truncatedTo(ChronoUnit.MICROS);
        String problem = null;
        if (at.isAfter(now)) {
            problem = "must not be in the future";
        } else if (at.isBefore(law.earliestBackdated(now))) {
            problem = "must be within the allowed backdating (" + law.backdating() + ")";
        } else if (notBefore != null && at.isBefore(notBefore)) {
            problem = "must not be before the order was issued or served";
        }
        if (problem != null) {
            throw new InvalidRequestException(List.of(new Problems.FieldProblem(field, problem)));
        }
        return at;
    }
}
