package kz.qorgau.order.accessrecord;

import java.time.Instant;
import java.util.UUID;

/**
 * Emergency access of one member of staff to another district's orders: time-limited, with a stated
 * reason, published as an access event and reviewed by a supervisor afterwards.
 *
 * @param subject who was granted access (token {@code sub})
 * @param subjectDistrict their own district
 * @param district the district whose orders they may read until {@code expiresAt}
 * @param reviewOutcome {@code null} until a supervisor has reviewed the grant
 */
public record BreakGlassGrant(
        UUID id,
        String subject,
        String subjectDistrict,
        String district,
        String reason,
        Instant grantedAt,
        Instant expiresAt,
        ReviewOutcome reviewOutcome,
        String reviewedBy,
        Instant reviewedAt) {

    /** A supervisor's verdict on a grant. */
    public enum ReviewOutcome {
        JUSTIFIED,
        NOT_JUSTIFIED
    }

    /** Running until it expires, or until a supervisor reviews it as not justified, which ends it at once. */
    public boolean isActiveAt(Instant now) {
        return reviewOutcome != ReviewOutcome.NOT_JUSTIFIED && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        // The reason is free text: never logged.
        return "BreakGlassGrant[id=" + id + ", district=" + district + ", expiresAt=" + expiresAt + "]";
    }
}
