package kz.qorgau.order.risk;

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

/** Re-assessing an order's risk level. Every change needs the order's ETag in If-Match. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Police protective orders")
class RiskController {

    private final RiskAssessments assessments;
    private final ChangeAnswers answers;

    RiskController(RiskAssessments assessments, ChangeAnswers answers) {
        this.assessments = assessments;
        this.answers = answers;
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/risk-assessments",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Re-assess the order's risk level",
            description =
                    "Low, medium, high or extreme. Officers and supervisors of the order's district may raise it or confirm it (which restarts the re-assessment cadence); only a supervisor may lower it, with a reason (403 lowering-needs-supervisor). The next re-assessment falls due by level (72 h, 7, 30, 60 days by default); if none is recorded by then, RiskReassessmentOverdue. Publishes RiskLevelChanged.",
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            description = "Recorded; the order's new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = RiskAssessment.class))))
    ResponseEntity<RiskAssessment> assess(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RiskAssessmentRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID orderId = ChangeAnswers.orderId(id);
        RiskAssessment assessment = assessments.assess(staff, orderId, ifMatch, request);
        return answers.withOrderETag(orderId, HttpStatus.CREATED, assessment);
    }
}
