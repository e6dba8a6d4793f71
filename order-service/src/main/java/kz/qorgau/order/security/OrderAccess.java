package kz.qorgau.order.security;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Role;
import kz.qorgau.kit.security.SecurityProblems;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.accessrecord.BreakGlassGrant;
import kz.qorgau.order.accessrecord.BreakGlassGrants;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The district rule: police staff read the orders of their own district; another district's order
 * only under a running break-glass grant, and otherwise it does not exist for them (404, so its
 * existence is not revealed). Courts read orders of every district. A victim's contacts are read only
 * in the order's own district: no grant opens them.
 */
@Component
public class OrderAccess {

    public static final URI OUTSIDE_DISTRICT = URI.create("urn:qorgau:problem:outside-district");

    /** The {@code reason} of a district refusal in the kit's refused-request metric. */
    public static final String DISTRICT_REFUSAL = "district";

    private final BreakGlassGrants grants;
    private final SecurityProblems problems;
    private final Clock clock;

    OrderAccess(BreakGlassGrants grants, SecurityProblems problems, Clock clock) {
        this.grants = grants;
        this.problems = problems;
        this.clock = clock;
    }

    /** How {@code staff} may read {@code order}, if at all. */
    public sealed interface Decision {}

    /** Within their remit. */
    public record Allowed() implements Decision {}

    /** Only through this emergency grant: every read is published and reviewed. */
    public record UnderBreakGlass(BreakGlassGrant grant) implements Decision {}

    /** Not theirs to see: answer as if there were no such order. */
    public record Hidden() implements Decision {}

    /** The rule, counting a hidden order as a district refusal. */
    public Decision decide(Staff staff, ProtectiveOrder order) {
        Decision decision = rule(staff, order.district());
        if (decision instanceof Hidden) {
            problems.count(DISTRICT_REFUSAL, HttpStatus.NOT_FOUND);
        }
        return decision;
    }

    /**
     * The rule for a victim's contacts, counting a refusal like a hidden order: the order's own district
     * only. A break-glass grant opens an order for an emergency, never the way to reach the person it
     * protects (docs/adr/0015).
     */
    public Decision decideContacts(Staff staff, ProtectiveOrder order) {
        if (staff.worksIn(order.district())) {
            return new Allowed();
        }
        problems.count(DISTRICT_REFUSAL, HttpStatus.NOT_FOUND);
        return new Hidden();
    }

    /** A 403 unless {@code staff} works in {@code district}: changes are made in one's own district only. */
    public void requireOwnDistrict(Staff staff, String district) {
        if (!staff.worksIn(district)) {
            problems.count(DISTRICT_REFUSAL, HttpStatus.FORBIDDEN);
            throw Problems.error(
                    HttpStatus.FORBIDDEN,
                    OUTSIDE_DISTRICT,
                    "Outside your district",
                    "You may make this change only in your own district.");
        }
    }

    /** Whether {@code staff} may read an order of {@code district} now, without recording or counting anything. */
    public boolean mayRead(Staff staff, String district) {
        return !(rule(staff, district) instanceof Hidden);
    }

    private Decision rule(Staff staff, String district) {
        if (staff.has(Role.COURT) || staff.worksIn(district)) {
            return new Allowed();
        }
        if (staff.has(Role.OFFICER) || staff.has(Role.SUPERVISOR)) {
            Optional<BreakGlassGrant> grant = grants.findActive(staff.subject(), district, clock.instant());
            if (grant.isPresent()) {
                return new UnderBreakGlass(grant.get());
            }
        }
        return new Hidden();
    }
}
