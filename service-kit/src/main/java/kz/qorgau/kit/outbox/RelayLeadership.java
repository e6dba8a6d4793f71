package kz.qorgau.kit.outbox;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Which instance's relay is the active one. An interface, so that the relay's decisions test with a fake;
 * the real one is {@link SessionRelayLeadership}. Used by the relay thread only, except {@link #isLeader()}.
 */
interface RelayLeadership extends AutoCloseable {

    boolean isLeader();

    /** Tries once to become the active relay; a standby calls this periodically. */
    boolean tryAcquire() throws SQLException;

    /** Checks that this relay still leads; throws when it does not (another may already be active). */
    void verify() throws SQLException;

    /** Waits until a transaction that wrote outbox rows commits, or {@code timeout} passes. */
    void awaitCommit(Duration timeout) throws SQLException;

    /** Gives up leadership. */
    @Override
    void close();
}
