package kz.qorgau.order.amend;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.lifecycle.ChangeAnswers;
import kz.qorgau.order.lifecycle.ChangesAnOrder;
import kz.qorgau.order.lifecycle.ETags;
import kz.qorgau.order.protectiveorder.OrderRepresentation;
import kz.qorgau.order.writelimit.WriteLimited;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Amending an order: supervisors only. Every change needs the order's ETag in If-Match. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Police protective orders")
class AmendController {

    private final OrderAmending amending;
    private final ChangeAnswers answers;

    AmendController(OrderAmending amending, ChangeAnswers answers) {
        this.amending = amending;
        this.answers = answers;
    }

    @Secured(Authorities.SUPERVISOR)
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/amendments",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Amend an order",
            description =
                    "Changes the prohibitions, the victim's contacts or the other protected persons of an issued or in-force order, with a reason; an order is never extended (a repeat is a new order). Supervisors of the order's district. Publishes OrderAmended, the new contacts sealed.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The order as it is now; its new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = OrderRepresentation.class))))
    ResponseEntity<OrderRepresentation> amend(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AmendRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        amending.amend(staff, orderId, ifMatch, request);
        return answers.order(orderId);
    }
}
