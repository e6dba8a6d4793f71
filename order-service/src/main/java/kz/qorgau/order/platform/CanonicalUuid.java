package kz.qorgau.order.platform;

import java.util.Optional;
import java.util.UUID;

/** Ids in paths: only the canonical UUID form names anything, so ids stay opaque to clients. */
public final class CanonicalUuid {

    private CanonicalUuid() {}

    /** The UUID {@code id} names, or empty for anything else (a 404, not a 400). */
    public static Optional<UUID> parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            // UUID.fromString accepts short forms such as "1-1-1-1-1"; only the canonical form names an object.
            return uuid.toString().equalsIgnoreCase(id) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
