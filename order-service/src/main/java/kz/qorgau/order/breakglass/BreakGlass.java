package kz.qorgau.order.breakglass;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kz.qorgau.order.access.AccessEvents;
import kz.qorgau.order.access.AccessProperties;
import kz.qorgau.order.access.BreakGlassGrant;
import kz.qorgau.order.access.BreakGlassGrants;
import kz.qorgau.order.access.Role;
import kz.qorgau.order.access.Staff;
import kz.qorgau.order.platform.InvalidRequestException;
import kz.qorgau.order.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/** Grants emergency access, publishes it, and lets supervisors review it. */
@Service
class BreakGlass {

    static final URI GRANT_NOT_FOUND = URI.create("urn:qorgau:problem:break-glass-grant-not-found");
    static final URI ALREADY_REVIEWED = URI.create("urn:qorgau:problem:break-glass-grant-already-reviewed");

    private static final Logger log = LoggerFactory.getLogger(BreakGlass.class);

    private final BreakGlassGrants grants;
    private final AccessEvents accessEvents;
    private final AccessProperties properties;
    private final Clock clock;

    BreakGlass(BreakGlassGrants grants, AccessEvents accessEvents, AccessProperties properties, Clock clock) {
        this.grants = grants;
        this.accessEvents = accessEvents;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    BreakGlassGrant grant(Staff staff, BreakGlassRequest request) {
        if (staff.worksIn(request.district())) {
            throw new InvalidRequestException(List.of(
                    new Problems.FieldProblem("district", "is your own district: you need no emergency access there")));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BreakGlassGrant grant = new BreakGlassGrant(
                UUID.randomUUID(),
                staff.subject(),
                staff.district(),
                request.district(),
                request.reason().strip(),
                now,
                now.plus(properties.breakGlass().duration()),
                null,
                null,
                null);
        grants.insert(grant);
        accessEvents.breakGlassGranted(staff, grant);
        log.warn("Break-glass grant {} to {} for district {}", grant.id(), staff.subject(), grant.district());
        return grant;
    }

    List<BreakGlassGrant> pendingReview(Staff supervisor) {
        return supervisor.district() == null ? List.of() : grants.pendingReviewIn(supervisor.district(), 200);
    }

    /** Records a supervisor's verdict; 404 for a grant outside their district, 409 when already reviewed. */
    @Transactional
    BreakGlassGrant review(Staff supervisor, UUID id, BreakGlassGrant.ReviewOutcome outcome) {
        BreakGlassGrant grant = grants.findById(id)
                .filter(found -> supervisor.has(Role.SUPERVISOR)
                        && (supervisor.worksIn(found.district()) || supervisor.worksIn(found.subjectDistrict())))
                .orElseThrow(BreakGlass::grantNotFound);
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
