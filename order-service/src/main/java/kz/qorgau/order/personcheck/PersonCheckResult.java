package kz.qorgau.order.personcheck;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.PersonCheckHit.PersonRole;
import kz.qorgau.events.Prohibition;
import kz.qorgau.order.approachban.BanInForce;
import kz.qorgau.order.requirements.RequirementsInForce;

/**
 * The answer to a person check (version 2), the same for every district. Checked as an offender: the measures in
 * force (protective orders, special requirements, bans on approaching), the orders issued but not yet served (so
 * the officer at the door can serve one), what is forbidden and whom to call; an order's id only where the caller
 * may read the order anyway. Checked as a protected person: only whether the person is protected and whom to
 * call, no dates, no ids, nothing that would tell one protected person from another.
 */
@Schema(name = "PersonCheckResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
record PersonCheckResult(
        @Schema(description = "As whom the person was checked.") PersonRole checkedAs,
        @Schema(description = "Offender: whether any measure is in force against the person.", nullable = true)
                Boolean measuresInForce,
        @Schema(description = "Offender: the protective orders in force against the person.", nullable = true)
                List<OrderAtTheDoor> ordersInForce,
        @Schema(description = "Offender: orders issued but not yet served: serve one.", nullable = true)
                List<OrderAtTheDoor> unservedOrders,
        @Schema(description = "Offender: a court's special requirements in force.", nullable = true)
                List<RequirementsInForce> specialRequirements,
        @Schema(description = "Offender: a court's bans on approaching in force.", nullable = true)
                List<BanInForce> approachBans,
        @Schema(description = "Protected person: whether an active order protects the person.", nullable = true)
                Boolean protectedPerson,
        @Schema(description = "The issuing units of the matched orders: whom to call.") List<String> unitsToCall) {

    static PersonCheckResult offender(
            List<OrderAtTheDoor> inForce,
            List<OrderAtTheDoor> unserved,
            List<RequirementsInForce> requirements,
            List<BanInForce> bans,
            List<String> units) {
        boolean anyInForce = !inForce.isEmpty() || !requirements.isEmpty() || !bans.isEmpty();
        return new PersonCheckResult(
                PersonRole.OFFENDER, anyInForce, inForce, unserved, requirements, bans, null, units);
    }

    static PersonCheckResult protectedPerson(List<String> units) {
        return new PersonCheckResult(
                PersonRole.PROTECTED_PERSON, null, null, null, null, null, !units.isEmpty(), units);
    }

    /** An order against the checked offender, as the officer at the door needs it. */
    @Schema(name = "PersonCheckOrder")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderAtTheDoor(
            @Schema(description = "In force: when it was served; unserved: when it was issued.") Instant since,
            @Schema(description = "When its term ends; absent while unserved.", nullable = true) Instant until,
            @Schema(description = "What the offender is forbidden.") List<Prohibition> prohibitions,
            @Schema(description = "The issuing police unit: whom to call.") String issuingUnit,
            @Schema(description = "The order's district.") String district,
            @Schema(description = "Present only when you may read the order itself.", nullable = true) UUID orderId) {}
}
