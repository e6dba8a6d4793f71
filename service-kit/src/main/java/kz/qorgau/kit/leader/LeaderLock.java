package kz.qorgau.kit.leader;

/**
 * A PostgreSQL session-level advisory lock in its two-key form ({@code pg_try_advisory_lock(int, int)}):
 * {@code space} names the program, {@code id} the thing led. Advisory locks are per database, and each
 * service has its own database, so only the service's own instances compete for it.
 */
public record LeaderLock(int space, int id) {

    /** The keys as {@code pg_locks} shows them ({@code classid}, {@code objid}: unsigned oids). */
    public long classId() {
        return Integer.toUnsignedLong(space);
    }

    public long objectId() {
        return Integer.toUnsignedLong(id);
    }
}
