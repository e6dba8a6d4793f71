package kz.qorgau.order.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.kit.problem.Problems.FieldProblem;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.protectiveorder.OffenderIdentity;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import org.springframework.stereotype.Component;

/**
 * What every measure a court imposes checks the same way (special requirements, a ban on approaching):
 * the protective order it concerns, or the case and district it was imposed in; the decision's day not
 * in the future; the effective day not before it and within the backdating. Each problem is added to
 * the caller's list, so a refusal names them all.
 */
@Component
public class CourtDecisions {

    private final ProtectiveOrders orders;
    private final Law law;

    CourtDecisions(ProtectiveOrders orders, Law law) {
        this.orders = orders;
        this.law = law;
    }

    /**
     * The district of the measure: the order's when {@code orderId} is given (its offender must be the one
     * {@code offender} names, by IIN or document; an unidentified one is refused),
     * otherwise {@code district}, which then needs {@code caseField}'s value.
     */
    public String district(
            UUID orderId,
            String district,
            OffenderIdentity offender,
            String caseField,
            String caseValue,
            List<FieldProblem> problems) {
        if (orderId == null) {
            if (caseValue == null) {
                problems.add(new FieldProblem(caseField, "is required without orderId"));
            }
            if (district == null) {
                problems.add(new FieldProblem("district", "is required without orderId"));
            }
            return district;
        }
        Optional<ProtectiveOrder> order = orders.findById(orderId);
        if (order.isEmpty()) {
            problems.add(new FieldProblem("orderId", "names no protective order"));
            return district;
        }
        if (district != null && !district.equals(order.get().district())) {
            problems.add(new FieldProblem("district", "must be the order's district or absent"));
        }
        if (!orders.isOffenderOf(orderId, offender)) {
            problems.add(new FieldProblem("offenderIin", "must be the offender of the order (by IIN or by document)"));
        }
        return order.get().district();
    }

    /** A court's decision is not dated after today (in the law's zone). */
    public void decided(String field, LocalDate decided, Instant now, List<FieldProblem> problems) {
        if (decided.isAfter(law.dayOf(now))) {
            problems.add(new FieldProblem(field, "must not be in the future"));
        }
    }

    /**
     * The effective day is not before the decision, and its day reaches into the backdating window
     * (72 h): a day entered late is accepted, one from last week is not.
     */
    public void effective(LocalDate effective, LocalDate decided, Instant now, List<FieldProblem> problems) {
        if (effective.isBefore(decided)) {
            problems.add(new FieldProblem("effectiveDate", "must not be before the decision"));
        } else if (!law.startOf(effective.plusDays(1)).isAfter(law.earliestBackdated(now))) {
            problems.add(new FieldProblem(
                    "effectiveDate", "must be within the allowed backdating (" + law.backdating() + ")"));
        }
    }
}
