package kz.qorgau.order.ending;

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

/** Voiding an order entered in error, or revoking one in force: supervisors only. Every change needs the order's ETag in If-Match. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Police protective orders")
class EndOrderController {

    private final OrderEnding ending;
    private final ChangeAnswers answers;

    EndOrderController(OrderEnding ending, ChangeAnswers answers) {
        this.ending = ending;
        this.answers = answers;
    }

    @Secured(Authorities.SUPERVISOR)
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/void",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Void an order entered in error",
            description =
                    "Only an order not yet served; it is kept, never deleted, and was never in force. Supervisors of the order's district. Publishes OrderVoided.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The order as it is now; its new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = OrderRepresentation.class))))
    ResponseEntity<OrderRepresentation> voidOrder(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody EndRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        ending.voidOrder(staff, orderId, ifMatch, request);
        return answers.order(orderId);
    }

    @Secured(Authorities.SUPERVISOR)
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/revocation",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Revoke an order in force",
            description =
                    "The order is no longer in force. Supervisors of the order's district. Publishes OrderRevoked.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The order as it is now; its new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = OrderRepresentation.class))))
    ResponseEntity<OrderRepresentation> revoke(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody EndRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        ending.revoke(staff, orderId, ifMatch, request);
        return answers.order(orderId);
    }
}
