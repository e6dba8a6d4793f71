package kz.qorgau.order.personcheck;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.writelimit.NotWriteLimited;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/person-checks} (version 2): what the officer at the door needs about a person, in any district. */
@RestController
@RequestMapping("/api/v1/person-checks")
@Tag(name = "Person check", description = "What an officer at the door needs about a person")
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
                    Any officer or supervisor, for a person in any district, by IIN or (for a person without \\
                    one) by identity document, in the body, with the incident \\
                    reference, call-out number or purpose. Checked as an offender: the protective orders, \\
                    special requirements and bans on approaching in force, the orders not yet served, what is \\
                    forbidden and the units to call; an order's id only where you may read it. Checked as a \\
                    protected person: protected or not, and the units to call, nothing more. Never refused \\
                    for volume; every check is recorded in the audit trail, and a hit tells the issuing units.""",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The answer (empty lists, or protectedPerson false, when nothing matched).",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = PersonCheckResult.class))),
                @ApiResponse(
                        responseCode = "400",
                        description =
                                "Not exactly one valid IIN or document, no checkedAs, or a missing or invalid purpose.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class)))
            })
    PersonCheckResult check(@Valid @RequestBody PersonCheckRequest request, @AuthenticationPrincipal Staff staff) {
        return personCheck.check(
                staff, request.person(), request.checkedAs(), request.purpose().strip());
    }
}
