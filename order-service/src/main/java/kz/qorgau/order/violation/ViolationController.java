package kz.qorgau.order.violation;

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
import kz.qorgau.order.platform.CanonicalUuid;
import kz.qorgau.order.writelimit.WriteLimited;
import org.springframework.http.HttpStatus;
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

/** Violations of an order, their confirmation and the arrest that follows. Every change needs the order's ETag in If-Match. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Police protective orders")
class ViolationController {

    private final Violations violations;
    private final ChangeAnswers answers;

    ViolationController(Violations violations, ChangeAnswers answers) {
        this.violations = violations;
        this.answers = answers;
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/violations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Report a violation of an order in force",
            description =
                    "By an officer, or from a 102 call. It marks the offender a repeat offender and records the legal basis in force when it happened (art. 461 of the Code of Administrative Offences by default). Officers and supervisors of the order's district. Publishes ViolationReported.",
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            description = "Recorded; the order's new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ViolationRepresentation.class))))
    ResponseEntity<ViolationRepresentation> report(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReportViolationRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        Violations.Violation violation = violations.report(staff, orderId, ifMatch, request);
        return answers.withOrderETag(orderId, HttpStatus.CREATED, ViolationRepresentation.of(violation));
    }

    @Secured(Authorities.SUPERVISOR)
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/violations/{violationId}/confirmation",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Confirm a reported violation",
            description =
                    "Links it to an administrative-offence case. Supervisors of the order's district. Publishes ViolationConfirmed.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "Recorded; the order's new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ViolationRepresentation.class))))
    ResponseEntity<ViolationRepresentation> confirm(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(description = "The violation's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String violationId,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ConfirmViolationRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        Violations.Violation violation = violations.confirm(staff, orderId, violationId(violationId), ifMatch, request);
        return answers.withOrderETag(orderId, HttpStatus.OK, ViolationRepresentation.of(violation));
    }

    @Secured(Authorities.SUPERVISOR)
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/violations/{violationId}/arrest",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record the start of an administrative arrest",
            description = "For a confirmed violation. Supervisors of the order's district. Publishes ArrestStarted.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "Recorded; the order's new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ViolationRepresentation.class))))
    ResponseEntity<ViolationRepresentation> startArrest(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(description = "The violation's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String violationId,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ArrestRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        Violations.Violation violation =
                violations.startArrest(staff, orderId, violationId(violationId), ifMatch, request);
        return answers.withOrderETag(orderId, HttpStatus.OK, ViolationRepresentation.of(violation));
    }

    @Secured(Authorities.SUPERVISOR)
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/violations/{violationId}/arrest-end",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record the end of an administrative arrest",
            description =
                    "The offender is free again, which the victim and the unit should know. Supervisors of the order's district. Publishes ArrestEnded.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "Recorded; the order's new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ViolationRepresentation.class))))
    ResponseEntity<ViolationRepresentation> endArrest(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(description = "The violation's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String violationId,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ArrestRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        Violations.Violation violation =
                violations.endArrest(staff, orderId, violationId(violationId), ifMatch, request);
        return answers.withOrderETag(orderId, HttpStatus.OK, ViolationRepresentation.of(violation));
    }

    private static UUID violationId(String id) {
        return CanonicalUuid.parse(id).orElseThrow(Violations::notFound);
    }
}
