package kz.qorgau.order.personcheck;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.accessrecord.Purpose;
import kz.qorgau.order.writelimit.NotWriteLimited;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/person-checks}: is this person under an active order, in any district? */
@RestController
@RequestMapping("/api/v1/person-checks")
@Tag(name = "Person check", description = "Whether a person is under an active protective order")
class PersonCheckController {

    private final PersonCheck personCheck;

    PersonCheckController(PersonCheck personCheck) {
        this.personCheck = personCheck;
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @NotWriteLimited("An officer at a door must get an answer; unusual volumes raise an alert instead.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Check a person",
            description =
                    """
                    Any officer or supervisor, for a person in any district. Answers only whether an active \\
                    order concerns the person and, per order, since when, the prohibitions and the issuing \\
                    unit to call. Never refused for volume; every check is recorded in the audit trail.""",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The answer (activeOrder false when nothing matched).",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = PersonCheckResult.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "Not a valid IIN, or an invalid purpose.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class)))
            })
    PersonCheckResult check(
            @Valid @RequestBody PersonCheckRequest request,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "Why you check (optional), recorded in the audit trail; "
                                    + "percent-encoded UTF-8 for non-ASCII text.")
                    @RequestHeader(name = Purpose.HEADER, required = false)
                    String purpose,
            @AuthenticationPrincipal Staff staff) {
        return personCheck.check(staff, request.iin(), Purpose.optional(purpose));
    }
}
