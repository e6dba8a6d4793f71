package kz.qorgau.order.personcheck;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.Prohibition;
import kz.qorgau.order.approachban.BanInForce;

/**
 * The answer to a person check, the same for every district: whether an active order concerns the
 * person and, per order, only what an officer at the door needs: since when, what is forbidden and whom
 * to call. The order's id only for an order the caller may read anyway.
 */
@Schema(name = "PersonCheckResult")
record PersonCheckResult(
        @Schema(description = "Whether any active protective order concerns this person.") boolean activeOrder,
        List<ActiveOrder> orders,
        @Schema(description = "A court's bans on approaching in force against this person.")
                List<BanInForce> approachBans) {

    /** How the checked person appears in the order. */
    enum PersonIs {
        OFFENDER,
        PROTECTED_PERSON
    }

    @Schema(name = "PersonCheckActiveOrder")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActiveOrder(
            @Schema(description = "When the order was issued.") Instant since,
            PersonIs personIs,
            List<Prohibition> prohibitions,
            @Schema(description = "The issuing police unit: whom to call.") String issuingUnit,
            @Schema(description = "Present only when you may read the order itself.", nullable = true) UUID orderId) {}
}
