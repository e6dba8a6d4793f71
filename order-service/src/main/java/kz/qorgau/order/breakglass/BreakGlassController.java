package kz.qorgau.order.breakglass;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.accessrecord.BreakGlassGrant;
import kz.qorgau.order.platform.CanonicalUuid;
import kz.qorgau.order.writelimit.WriteLimited;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Emergency ("break glass") access to another district's orders, and its review by supervisors. */
@RestController
@RequestMapping("/api/v1/break-glass-grants")
@Tag(name = "Break glass", description = "Emergency access to another district's orders")
class BreakGlassController {

    private final BreakGlass breakGlass;
    private final BreakGlassReview review;

    BreakGlassController(BreakGlass breakGlass, BreakGlassReview review) {
        this.breakGlass = breakGlass;
        this.review = review;
    }

    /** A grant as the API shows it. */
    @Schema(name = "BreakGlassGrant")
    record GrantRepresentation(
            UUID id,
            String subject,
            String subjectDistrict,
            String district,
            String reason,
            java.time.Instant grantedAt,
            java.time.Instant expiresAt,
            @Schema(nullable = true) BreakGlassGrant.ReviewOutcome reviewOutcome,
            @Schema(nullable = true) String reviewedBy,
            @Schema(nullable = true) java.time.Instant reviewedAt) {

        @Override
        public String toString() {
            // The reason is free text: never logged.
            return "BreakGlassGrant[id=" + id + ", district=" + district + "]";
        }

        static GrantRepresentation of(BreakGlassGrant grant) {
            return new GrantRepresentation(
                    grant.id(),
                    grant.subject(),
                    grant.subjectDistrict(),
                    grant.district(),
                    grant.reason(),
                    grant.grantedAt(),
                    grant.expiresAt(),
                    grant.reviewOutcome(),
                    grant.reviewedBy(),
                    grant.reviewedAt());
        }
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Get emergency access to another district's orders",
            description =
                    """
                    For a limited time (30 minutes by default) you may read the district's orders; the grant \\
                    and every read under it are published as access events, recorded by the audit trail \\
                    and flagged for a supervisor's review.""")
    ResponseEntity<GrantRepresentation> grant(
            @Valid @RequestBody BreakGlassRequest request, @AuthenticationPrincipal Staff staff) {
        BreakGlassGrant grant = breakGlass.grant(staff, request);
        return ResponseEntity.created(URI.create("/api/v1/break-glass-grants/" + grant.id()))
                .body(GrantRepresentation.of(grant));
    }

    @Secured(Authorities.SUPERVISOR)
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Grants waiting for your review",
            description = "Unreviewed grants into your district or held by its staff, oldest first.")
    List<GrantRepresentation> pendingReview(@AuthenticationPrincipal Staff staff) {
        return review.pendingReview(staff).stream().map(GrantRepresentation::of).toList();
    }

    @Secured(Authorities.SUPERVISOR)
    @WriteLimited
    @PostMapping(
            path = "/{id}/review",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Review a grant", description = "Supervisors of either district; not your own grant.")
    GrantRepresentation review(
            @Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String id,
            @Valid @RequestBody ReviewRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID grantId = CanonicalUuid.parse(id).orElseThrow(BreakGlassReview::grantNotFound);
        return GrantRepresentation.of(review.review(staff, grantId, request.outcome()));
    }
}
