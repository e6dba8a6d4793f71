package kz.qorgau.order.accessrecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The grants in memory, with the table's rules, for fast tests of the decisions that read them. */
public final class InMemoryBreakGlassGrants implements BreakGlassGrants {

    private final Map<UUID, BreakGlassGrant> grants = new LinkedHashMap<>();

    @Override
    public void insert(BreakGlassGrant grant) {
        grants.put(grant.id(), grant);
    }

    @Override
    public Optional<BreakGlassGrant> findActive(String subject, String district, Instant now) {
        return grants.values().stream()
                .filter(grant ->
                        grant.subject().equals(subject) && grant.district().equals(district))
                .filter(grant -> grant.isActiveAt(now))
                .max(Comparator.comparing(BreakGlassGrant::expiresAt));
    }

    @Override
    public Optional<BreakGlassGrant> findById(UUID id) {
        return Optional.ofNullable(grants.get(id));
    }

    @Override
    public List<BreakGlassGrant> pendingReviewIn(String district, int limit) {
        return grants.values().stream()
                .filter(grant -> grant.reviewOutcome() == null)
                .filter(grant -> grant.district().equals(district) || district.equals(grant.subjectDistrict()))
                .sorted(Comparator.comparing(BreakGlassGrant::grantedAt).thenComparing(BreakGlassGrant::id))
                .limit(limit)
                .toList();
    }

    @Override
    public boolean review(UUID id, BreakGlassGrant.ReviewOutcome outcome, String reviewer, Instant at) {
        BreakGlassGrant grant = grants.get(id);
        if (grant == null || grant.reviewOutcome() != null) {
            return false;
        }
        grants.put(
                id,
                new BreakGlassGrant(
                        grant.id(),
                        grant.subject(),
                        grant.subjectDistrict(),
                        grant.district(),
                        grant.reason(),
                        grant.grantedAt(),
                        grant.expiresAt(),
                        outcome,
                        reviewer,
                        at));
        return true;
    }

    /** A running grant of {@code subject} (of {@code ownDistrict}) into {@code district}, from {@code at}. */
    public BreakGlassGrant grant(String subject, String ownDistrict, String district, Instant at) {
        BreakGlassGrant grant = new BreakGlassGrant(
                UUID.randomUUID(),
                subject,
                ownDistrict,
                district,
                "Call-out to an address in another district",
                at,
                at.plusSeconds(1800),
                null,
                null,
                null);
        insert(grant);
        return grant;
    }

    public List<BreakGlassGrant> all() {
        return new ArrayList<>(grants.values());
    }
}
