package kz.qorgau.order.lookup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.order.platform.Problems;
import kz.qorgau.order.protectiveorder.OrderRepresentation;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/orders/{id}}. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Police protective orders")
class OrderLookupController {

    static final String NOT_FOUND_EXAMPLE =
            """
            {
              "type": "urn:qorgau:problem:order-not-found",
              "title": "Order not found",
              "status": 404,
              "detail": "There is no protective order with this id.",
              "instance": "/api/v1/orders/3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43"
            }""";

    private final ProtectiveOrders orders;

    OrderLookupController(ProtectiveOrders orders) {
        this.orders = orders;
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Read a protective order",
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
                        description = "No order with this id (also for an id that is not a UUID).",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class),
                                        examples = @ExampleObject(name = "notFound", value = NOT_FOUND_EXAMPLE)))
            })
    OrderRepresentation find(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id) {
        // A malformed id names no order either: 404, not 400, so ids stay opaque to clients.
        return parse(id).flatMap(orders::findById).map(OrderRepresentation::of).orElseThrow(() -> notFound());
    }

    private static Optional<UUID> parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            // UUID.fromString accepts short forms such as "1-1-1-1-1"; only the canonical form names an order.
            return uuid.toString().equalsIgnoreCase(id) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ErrorResponseException notFound() {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no protective order with this id.");
        problem.setType(Problems.ORDER_NOT_FOUND);
        problem.setTitle("Order not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
