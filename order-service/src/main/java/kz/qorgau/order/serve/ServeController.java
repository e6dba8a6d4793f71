package kz.qorgau.order.serve;

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

/** Serving an order on its offender, or recording that an attempt failed. Every change needs the order's ETag in If-Match. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Police protective orders")
class ServeController {

    private final OrderServing serving;
    private final ChangeAnswers answers;

    ServeController(OrderServing serving, ChangeAnswers answers) {
        this.serving = serving;
        this.answers = answers;
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/service",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Serve an order on its offender",
            description =
                    "The order comes into force: its term runs from the time of service to validUntil, computed from the configured term in Asia/Almaty (by default the end of the 30th day after the day of service). Officers and supervisors of the order's district. Publishes OrderServed.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The order as it is now; its new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = OrderRepresentation.class))))
    ResponseEntity<OrderRepresentation> serve(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ServeRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        serving.serve(staff, orderId, ifMatch, request);
        return answers.order(orderId);
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/service-attempts",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record a failed attempt to serve an order",
            description =
                    "The order stays issued and not in force; the attempt is kept with its reason. Officers and supervisors of the order's district. Publishes OrderServiceFailed.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The order as it is now; its new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = OrderRepresentation.class))))
    ResponseEntity<OrderRepresentation> serviceFailed(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody FailedServiceRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        serving.serviceFailed(staff, orderId, ifMatch, request);
        return answers.order(orderId);
    }
}
