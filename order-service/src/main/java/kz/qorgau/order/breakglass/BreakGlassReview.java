package kz.qorgau.order.breakglass;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Role;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.accessrecord.BreakGlassGrant;
import kz.qorgau.order.accessrecord.BreakGlassGrants;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * A supervisor's review of break-glass grants: those into their district or held by its staff, never their
 * own. A grant reviewed as not justified ends at once ({@link BreakGlassGrant#isActiveAt}).
 */
@Service
class BreakGlassReview {

    static final URI GRANT_NOT_FOUND = URI.create("urn:qorgau:problem:break-glass-grant-not-found");
    static final URI ALREADY_REVIEWED = URI.create("urn:qorgau:problem:break-glass-grant-already-reviewed");

    /** At most this many grants are listed for review at once, oldest first. */
    static final int PENDING_LIMIT = 200;

    private final BreakGlassGrants grants;
    private final Clock clock;

    BreakGlassReview(BreakGlassGrants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /** Grants waiting for {@code supervisor}'s district; none for staff without a district. */
    List<BreakGlassGrant> pendingReview(Staff supervisor) {
        return supervisor.district() == null ? List.of() : grants.pendingReviewIn(supervisor.district(), PENDING_LIMIT);
    }

    /** Records a supervisor's verdict; 404 for a grant outside their district, 409 when already reviewed. */
    @Transactional
    BreakGlassGrant review(Staff supervisor, UUID id, BreakGlassGrant.ReviewOutcome outcome) {
        BreakGlassGrant grant = grants.findById(id)
                .filter(found -> supervisor.has(Role.SUPERVISOR)
                        && (supervisor.worksIn(found.district()) || supervisor.worksIn(found.subjectDistrict())))
                .orElseThrow(BreakGlassReview::grantNotFound);
        if (supervisor.subject().equals(grant.subject())) {
            throw new InvalidRequestException(
                    List.of(new Problems.FieldProblem("id", "is your own grant: another supervisor reviews it")));
        }
        if (!grants.review(id, outcome, supervisor.subject(), clock.instant())) {
            throw Problems.error(
                    HttpStatus.CONFLICT, ALREADY_REVIEWED, "Already reviewed", "This grant has already been reviewed.");
        }
        return grants.findById(id).orElseThrow();
    }

    /** The 404 for a grant that does not exist or is not the caller's to review. */
    static ErrorResponseException grantNotFound() {
        return Problems.error(
                HttpStatus.NOT_FOUND,
                GRANT_NOT_FOUND,
                "Grant not found",
                "There is no break-glass grant with this id for you to review.");
    }
}
