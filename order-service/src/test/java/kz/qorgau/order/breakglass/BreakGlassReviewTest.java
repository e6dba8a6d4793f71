package kz.qorgau.order.breakglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.security.Role;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.accessrecord.BreakGlassGrant;
import kz.qorgau.order.accessrecord.BreakGlassGrant.ReviewOutcome;
import kz.qorgau.order.accessrecord.InMemoryBreakGlassGrants;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** Who may review which break-glass grant, and what a review does, decided without Spring. */
class BreakGlassReviewTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final String HOME = "ALM-BOSTANDYK";
    static final String ELSEWHERE = "AST-ESIL";

    final InMemoryBreakGlassGrants grants = new InMemoryBreakGlassGrants();
    final BreakGlassReview review = new BreakGlassReview(grants, Clock.fixed(NOW, ZoneOffset.UTC));

    /** An officer of ELSEWHERE reading HOME's orders. */
    final BreakGlassGrant grant = grants.grant("o2", ELSEWHERE, HOME, NOW.minusSeconds(60));

    @Test
    void aSupervisorOfEitherDistrictReviewsTheGrant() {
        BreakGlassGrant reviewed = review.review(supervisor("s1", HOME), grant.id(), ReviewOutcome.JUSTIFIED);

        assertThat(reviewed.reviewOutcome()).isEqualTo(ReviewOutcome.JUSTIFIED);
        assertThat(reviewed.reviewedBy()).isEqualTo("s1");
        assertThat(reviewed.reviewedAt()).isEqualTo(NOW);

        BreakGlassGrant other = grants.grant("o3", ELSEWHERE, HOME, NOW.minusSeconds(30));
        assertThat(review.review(supervisor("s2", ELSEWHERE), other.id(), ReviewOutcome.JUSTIFIED)
                        .reviewOutcome())
                .isEqualTo(ReviewOutcome.JUSTIFIED);
    }

    @Test
    void notJustifiedEndsTheGrantAtOnce() {
        BreakGlassGrant reviewed = review.review(supervisor("s1", HOME), grant.id(), ReviewOutcome.NOT_JUSTIFIED);

        assertThat(reviewed.isActiveAt(NOW)).isFalse();
        assertThat(grants.findActive("o2", HOME, NOW)).isEmpty();
    }

    @Test
    void aGrantOfNeitherDistrictOrAnUnknownOneIsNotFound() {
        assertNotFound(() -> review.review(supervisor("s3", "SHYM-ABAY"), grant.id(), ReviewOutcome.JUSTIFIED));
        assertNotFound(() -> review.review(supervisor("s1", HOME), UUID.randomUUID(), ReviewOutcome.JUSTIFIED));
        assertThat(grants.findById(grant.id()).orElseThrow().reviewOutcome()).isNull();
    }

    @Test
    void onlySupervisorsReview() {
        Staff officer = new Staff("o1", Set.of(Role.OFFICER), HOME);
        assertNotFound(() -> review.review(officer, grant.id(), ReviewOutcome.JUSTIFIED));
    }

    @Test
    void noSupervisorReviewsTheirOwnGrant() {
        BreakGlassGrant own = grants.grant("s2", ELSEWHERE, HOME, NOW.minusSeconds(60));

        assertThatThrownBy(() -> review.review(supervisor("s2", ELSEWHERE), own.id(), ReviewOutcome.JUSTIFIED))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(grants.findById(own.id()).orElseThrow().reviewOutcome()).isNull();
    }

    @Test
    void aGrantIsReviewedOnce() {
        review.review(supervisor("s1", HOME), grant.id(), ReviewOutcome.JUSTIFIED);

        assertThatThrownBy(() -> review.review(supervisor("s2", ELSEWHERE), grant.id(), ReviewOutcome.NOT_JUSTIFIED))
                .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                    assertThat(refused.getStatusCode().value()).isEqualTo(409);
                    assertThat(refused.getBody().getType()).isEqualTo(BreakGlassReview.ALREADY_REVIEWED);
                });
        assertThat(grants.findById(grant.id()).orElseThrow().reviewOutcome()).isEqualTo(ReviewOutcome.JUSTIFIED);
    }

    @Test
    void supervisorsSeeTheUnreviewedGrantsOfTheirDistrictOnly() {
        BreakGlassGrant intoElsewhere = grants.grant("o4", HOME, ELSEWHERE, NOW.minusSeconds(30));
        grants.grant("o5", "SHYM-ABAY", "SHYM-AL-FARABI", NOW.minusSeconds(20));
        review.review(supervisor("s1", HOME), intoElsewhere.id(), ReviewOutcome.JUSTIFIED);

        assertThat(review.pendingReview(supervisor("s2", ELSEWHERE))).containsExactly(grant);
        assertThat(review.pendingReview(supervisor("s1", HOME))).containsExactly(grant);
        assertThat(review.pendingReview(new Staff("c1", Set.of(Role.COURT), null)))
                .isEmpty();
    }

    private static Staff supervisor(String subject, String district) {
        return new Staff(subject, Set.of(Role.SUPERVISOR), district);
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable review) {
        assertThatThrownBy(review).isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
            assertThat(refused.getStatusCode().value()).isEqualTo(404);
            assertThat(refused.getBody().getType()).isEqualTo(BreakGlassReview.GRANT_NOT_FOUND);
        });
    }
}
