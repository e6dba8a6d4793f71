package kz.qorgau.order.breakglass;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.accessrecord.AccessEvents;
import kz.qorgau.order.accessrecord.BreakGlassGrant;
import kz.qorgau.order.accessrecord.BreakGlassGrants;
import kz.qorgau.order.security.AccessProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grants emergency access and publishes it; supervisors review it afterwards ({@link BreakGlassReview}). */
@Service
class BreakGlass {

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
}
