package kz.qorgau.order.lookup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.accessrecord.Purpose;
import kz.qorgau.order.lifecycle.ETags;
import kz.qorgau.order.platform.CanonicalUuid;
import kz.qorgau.order.protectiveorder.OrderRepresentation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/orders/{id}} and {@code GET /api/v1/orders/{id}/victim-contacts}. Another
 * district's order answers 404, exactly like a missing one, unless a break-glass grant is running.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Police protective orders")
class OrderLookupController {

    /** No order with that id (or none this caller may see). */
    static final URI ORDER_NOT_FOUND = URI.create("urn:qorgau:problem:order-not-found");

    static final String NOT_FOUND_EXAMPLE =
            """
            {
              "type": "urn:qorgau:problem:order-not-found",
              "title": "Order not found",
              "status": 404,
              "detail": "There is no protective order with this id that you may read.",
              "instance": "/api/v1/orders/3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43"
            }""";

    private final OrderLookup lookup;

    OrderLookupController(OrderLookup lookup) {
        this.lookup = lookup;
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR, Authorities.COURT})
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Read a protective order",
            description =
                    """
                    Officers and supervisors read their own district's orders (another district's only \
                    under a break-glass grant, and that read is audited); courts read every order. The \
                    victim's contacts are not part of the order: see victim-contacts.""",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The order.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = OrderRepresentation.class))),
                @ApiResponse(
                        responseCode = "404",
                        description = "No order with this id that you may read (also for an id that is not a UUID).",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class),
                                        examples = @ExampleObject(name = "notFound", value = NOT_FOUND_EXAMPLE)))
            })
    ResponseEntity<OrderRepresentation> find(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @AuthenticationPrincipal Staff staff) {
        // A malformed id names no order either: 404, not 400, so ids stay opaque to clients.
        return CanonicalUuid.parse(id)
                .flatMap(uuid -> lookup.order(staff, uuid))
                // The ETag a change of the order names in If-Match.
                .map(order ->
                        ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderRepresentation.of(order)))
                .orElseThrow(() -> notFound());
    }

    @Secured(Authorities.SUPERVISOR)
    @GetMapping(path = "/{id}/victim-contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Read how to reach the person an order protects",
            description =
                    """
                    Supervisors of the order's district only, stating why in the Qorgau-Purpose header. \
                    Every read is published as an access event that audit-service records.""",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The victim's contacts, most preferred first.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = VictimContactsRepresentation.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "No purpose stated, or not a valid one.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "404",
                        description = "No order with this id that you may read.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class),
                                        examples = @ExampleObject(name = "notFound", value = NOT_FOUND_EXAMPLE)))
            })
    VictimContactsRepresentation victimContacts(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(
                            in = ParameterIn.HEADER,
                            required = true,
                            description = "Why you need these data, 3 to 500 characters; percent-encoded UTF-8 "
                                    + "for non-ASCII text. Recorded in the audit trail.",
                            example = "Calling the victim after a reported violation")
                    @RequestHeader(name = Purpose.HEADER, required = false)
                    String purpose,
            @AuthenticationPrincipal Staff staff) {
        String stated = Purpose.required(purpose);
        return CanonicalUuid.parse(id)
                .flatMap(uuid -> lookup.victimContacts(staff, uuid, stated))
                .orElseThrow(() -> notFound());
    }

    private static ErrorResponseException notFound() {
        return Problems.error(
                HttpStatus.NOT_FOUND,
                ORDER_NOT_FOUND,
                "Order not found",
                "There is no protective order with this id that you may read.");
    }
}
