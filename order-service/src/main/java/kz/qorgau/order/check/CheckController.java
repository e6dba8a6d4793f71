package kz.qorgau.order.check;

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

/** Compliance checks of an order in force, and their corrections. Every change needs the order's ETag in If-Match. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Police protective orders")
class CheckController {

    private final ComplianceChecks checks;
    private final ChangeAnswers answers;

    CheckController(ComplianceChecks checks, ChangeAnswers answers) {
        this.checks = checks;
        this.answers = answers;
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/checks",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record a compliance check",
            description =
                    "When it happened and, optionally, how and where (as a code). The next check falls due the configured interval later (7 days by default). Officers and supervisors of the order's district. Publishes ComplianceCheckRecorded.",
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            description = "Recorded; the order's new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = CheckRepresentation.class))))
    ResponseEntity<CheckRepresentation> record(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RecordCheckRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        CheckRepresentation check = checks.record(staff, orderId, ifMatch, request);
        return answers.withOrderETag(orderId, HttpStatus.CREATED, check);
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/checks/{checkId}/corrections",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Correct a recorded compliance check",
            description =
                    "Appended as a new check naming the one it corrects; the original is kept as it was. Officers and supervisors of the order's district. Publishes ComplianceCheckCorrected.",
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            description = "Recorded; the order's new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = CheckRepresentation.class))))
    ResponseEntity<CheckRepresentation> correct(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(description = "The check's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String checkId,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CorrectCheckRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        CheckRepresentation check = checks.correct(staff, orderId, checkId(checkId), ifMatch, request);
        return answers.withOrderETag(orderId, HttpStatus.CREATED, check);
    }

    private static UUID checkId(String id) {
        return CanonicalUuid.parse(id).orElseThrow(ComplianceChecks::notFound);
    }
}
