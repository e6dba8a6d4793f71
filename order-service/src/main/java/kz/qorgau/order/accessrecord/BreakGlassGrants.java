package kz.qorgau.order.accessrecord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The break-glass grants ever given, and their reviews. */
public interface BreakGlassGrants {

    void insert(BreakGlassGrant grant);

    /**
     * The latest grant {@code subject} holds for {@code district} that is still running at {@code now}: not
     * expired, and not reviewed as not justified (that verdict ends a grant at once).
     */
    Optional<BreakGlassGrant> findActive(String subject, String district, Instant now);

    Optional<BreakGlassGrant> findById(UUID id);

    /** Unreviewed grants into {@code district} or held by its staff, oldest first, at most {@code limit}. */
    List<BreakGlassGrant> pendingReviewIn(String district, int limit);

    /** Records the review; false if the grant was already reviewed. */
    boolean review(UUID id, BreakGlassGrant.ReviewOutcome outcome, String reviewer, Instant at);
}
