package kz.qorgau.order.person;

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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/person-histories}: a person's measures as offender, and the orders protecting them, for a
 * supervisor with a purpose.
 */
@RestController
@Tag(
        name = "People without an IIN",
        description = "Linking a person recorded by a document, or unidentified, to an IIN")
class PersonHistoryController {

    private final PersonHistory history;

    PersonHistoryController(PersonHistory history) {
        this.history = history;
    }

    @Secured(Authorities.SUPERVISOR)
    @NotWriteLimited(
            "A read; the person goes in the body to keep the IIN out of URLs, and it writes only its access record.")
    @PostMapping(
            path = "/api/v1/person-histories",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Read a person's history",
            description =
                    """
                    Supervisors only, stating a purpose: the protective orders, special requirements and bans on \\
                    approaching against a person (by IIN or identity document, in the body), in any state, newest \\
                    first, paged. Those of your own district are shown; those of other districts are only counted. \\
                    Every read is an access event in the audit trail.""",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "A page of the history (empty when nothing matched).",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = HistoryPage.class))),
                @ApiResponse(
                        responseCode = "400",
                        description =
                                "Not exactly one valid IIN or document, a missing or invalid purpose, or a bad page.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class)))
            })
    HistoryPage history(@Valid @RequestBody HistoryRequest request, @AuthenticationPrincipal Staff staff) {
        return history.history(staff, request);
    }
}
