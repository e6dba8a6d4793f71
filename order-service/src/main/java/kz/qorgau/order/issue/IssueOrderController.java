package kz.qorgau.order.issue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.lifecycle.ETags;
import kz.qorgau.order.platform.idempotency.IdempotencyKeys;
import kz.qorgau.order.protectiveorder.OrderRepresentation;
import kz.qorgau.order.security.OrderAccess;
import kz.qorgau.order.writelimit.WriteLimited;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code POST /api/v1/orders}: an officer issues a protective order. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Police protective orders")
class IssueOrderController {

    static final String REPLAYED_HEADER = IdempotencyKeys.REPLAYED_HEADER;

    static final String REQUEST_EXAMPLE =
            """
            {
              "offender": {"iin": "850703300127", "lastName": "Ахметов", "firstName": "Ерлан", "patronymic": "Серикович"},
              "victim": {
                "iin": "900101401238", "lastName": "Ахметова", "firstName": "Айгерим",
                "contacts": [
                  {"channel": "SMS", "address": "+77011234567", "preferredLanguage": "kk"},
                  {"channel": "EMAIL", "address": "aigerim@example.kz", "preferredLanguage": "kk"}
                ]
              },
              "prohibitions": ["DOMESTIC_VIOLENCE", "CONTACTING_VICTIM", "VISITING_VICTIM"],
              "policeUnit": "AST-ESIL-UP-02",
              "district": "AST-ESIL"
            }""";

    static final String INVALID_EXAMPLE =
            """
            {
              "type": "urn:qorgau:problem:invalid-request",
              "title": "Invalid request",
              "status": 400,
              "detail": "The request has invalid fields.",
              "instance": "/api/v1/orders",
              "errors": [
                {"field": "offender.iin", "message": "has a wrong check digit"},
                {"field": "victim.contacts[0].address", "message": "must be an e-mail address for channel EMAIL"}
              ]
            }""";

    static final String REUSED_EXAMPLE =
            """
            {
              "type": "urn:qorgau:problem:idempotency-key-reused",
              "title": "Idempotency-Key reused",
              "status": 422,
              "detail": "This Idempotency-Key was already used with a different request body. Use a new key for \
            a new request; resend the original body to get the original result.",
              "instance": "/api/v1/orders"
            }""";

    private final OrderIssuing issuing;
    private final OrderAccess access;

    IssueOrderController(OrderIssuing issuing, OrderAccess access) {
        this.issuing = issuing;
        this.access = access;
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Issue a protective order",
            description =
                    """
                    Records the order and, in the same transaction, its OrderIssued event; the event reaches \
                    Kafka shortly after (the victim's contacts sealed). Officers and supervisors issue in \
                    their own district only; the token names the issuing officer. Send an Idempotency-Key \
                    to make retries safe.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = IssueOrderRequest.class),
                                            examples = @ExampleObject(name = "order", value = REQUEST_EXAMPLE))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "Issued (or, for a retried Idempotency-Key, the first result again).",
                        headers = {
                            @Header(name = "Location", description = "The order's URL."),
                            @Header(
                                    name = REPLAYED_HEADER,
                                    description = "true when this repeats the result of an earlier request.")
                        },
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = OrderRepresentation.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "Invalid or malformed request; every bad field is named, nothing is stored.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class),
                                        examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE))),
                @ApiResponse(
                        responseCode = "403",
                        description = "The district is not yours, or your role may not issue orders.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "422",
                        description = "The Idempotency-Key was already used with a different body.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class),
                                        examples = @ExampleObject(name = "reused", value = REUSED_EXAMPLE)))
            })
    ResponseEntity<OrderRepresentation> issue(
            @Valid @RequestBody IssueOrderRequest request,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = IdempotencyKeys.HEADER_DESCRIPTION,
                            example = "5f0c7a52-1b7e-4a53-9d0e-2b8f3c1d9a10")
                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    String idempotencyKey,
            @AuthenticationPrincipal Staff staff) {
        access.requireOwnDistrict(staff, request.district());
        Optional<String> key = IdempotencyKeys.parseHeader(idempotencyKey);
        OrderIssuing.Issued issued = issuing.issue(staff.subject(), staff, key, request);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(issued.order().id())
                .toUri();
        return IdempotencyKeys.createdAt(location, issued.replayed())
                .eTag(ETags.of(issued.order().version()))
                .body(OrderRepresentation.of(issued.order(), issued.warnings()));
    }
}
