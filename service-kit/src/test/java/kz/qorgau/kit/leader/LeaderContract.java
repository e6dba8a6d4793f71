package kz.qorgau.kit.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CONTRACT TEST of the kit's leader election (docs/adr/0018-kit-outbox-and-leader.md), run by every service
 * that elects a leader through {@link LeaderSessions}: a service's test class that already has a context
 * extends it (no context of its own) and says how the service opens its leader sessions and which lock
 * its own leader holds.
 */
public abstract class LeaderContract {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    /** The leader sessions as the service configures them (its database, its lease). */
    protected abstract LeaderSessions leaderSessions();

    /** The lock the service's own leader takes while the test's context runs. */
    protected abstract LeaderLock serviceLeaderLock();

    /** The lease the service configures for its leader sessions. */
    protected abstract Duration serviceLease();

    /** The service's own database access (its pool), to look at the locks from outside. */
    protected abstract JdbcClient serviceJdbc();

    @Test
    void theServicesLeaderHoldsItsLockSoNoOtherSessionCanTakeIt() throws SQLException {
        try (LeaderSession contender = leaderSessions().open(serviceLeaderLock())) {
            await().atMost(WITHIN).until(() -> holders(serviceJdbc(), serviceLeaderLock()) == 1);
            assertThat(contender.tryLock()).isFalse();
            assertThat(contender.isLeader()).isFalse();
        }
    }

    @Test
    void oneSessionAtATimeHoldsALockAndClosingItLetsTheNextTakeIt() throws SQLException {
        LeaderLock lock = testLock();
        try (LeaderSession first = leaderSessions().open(lock);
                LeaderSession second = leaderSessions().open(lock)) {
            assertThat(first.tryLock()).isTrue();
            assertThat(second.tryLock()).isFalse();
            first.verify();
            assertThatExceptionOfType(LeadershipLostException.class)
                    .as("work for the leader only runs on the session that holds the lock")
                    .isThrownBy(() -> second.inTransaction(jdbc -> 1));

            first.close();

            // The server releases the lock as soon as it has ended the session.
            await().atMost(WITHIN).until(second::tryLock);
            second.verify();
            Integer answer = second.inTransaction(
                    jdbc -> jdbc.sql("SELECT 1").query(Integer.class).single());
            assertThat(answer).isEqualTo(1);
        }
    }

    @Test
    void aLeaderWhoseSessionEndedFindsOutAndTheLockIsFree() throws SQLException {
        LeaderLock lock = testLock();
        try (LeaderSession leader = leaderSessions().open(lock);
                LeaderSession next = leaderSessions().open(lock)) {
            assertThat(leader.tryLock()).isTrue();
            // The server ends the leader's session, as it does when the lease runs out.
            assertThat(serviceJdbc()
                            .sql("SELECT pg_terminate_backend(:pid)")
                            .param("pid", leader.backendPid())
                            .query(Boolean.class)
                            .single())
                    .isTrue();

            assertThatExceptionOfType(SQLException.class).isThrownBy(leader::verify);
            assertThat(leader.isLeader()).isFalse();
            await().atMost(WITHIN).until(next::tryLock);
        }
    }

    @Test
    void theServerEndsALeaderSessionThatStaysSilentForTheLease() throws SQLException {
        try (LeaderSession session = leaderSessions().open(testLock())) {
            assertThat(session.tryLock()).isTrue();
            String timeout = session.inTransaction(
                    jdbc -> jdbc.sql("SELECT setting FROM pg_settings WHERE name = 'idle_session_timeout'")
                            .query(String.class)
                            .single());
            assertThat(Long.parseLong(timeout)).isEqualTo(serviceLease().toMillis());
        }
    }

    private static LeaderLock testLock() {
        // A lock space no service uses ("test"), a fresh id per test.
        return new LeaderLock(0x74657374, ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
    }

    private static long holders(JdbcClient jdbc, LeaderLock lock) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM pg_locks
                         WHERE locktype = 'advisory' AND granted AND classid::bigint = :classId
                           AND objid::bigint = :objectId AND objsubid = 2
                           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        """)
                .param("classId", lock.classId())
                .param("objectId", lock.objectId())
                .query(Long.class)
                .single();
    }
}
