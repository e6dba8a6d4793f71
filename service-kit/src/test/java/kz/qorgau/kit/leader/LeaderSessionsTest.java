package kz.qorgau.kit.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The leader contract on a plain database of its own, without any service: the kit's own check. */
class LeaderSessionsTest extends LeaderContract {

    private static final Duration LEASE = Duration.ofSeconds(9);
    private static final LeaderLock LEADERS_LOCK = new LeaderLock(0x74657374, 0);

    TestDatabase database;
    LeaderSession leader;

    @BeforeEach
    void aLeaderOnAFreshDatabase() throws SQLException {
        database = SharedInfrastructure.databases().createFreshDatabase("leader");
        leader = leaderSessions().open(LEADERS_LOCK);
        assertThat(leader.tryLock()).isTrue();
    }

    @AfterEach
    void dropDatabase() {
        leader.close();
        SharedInfrastructure.databases().drop(database.name());
    }

    @Override
    protected LeaderSessions leaderSessions() {
        JdbcConnectionDetails details = new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return database.user();
            }

            @Override
            public String getPassword() {
                return database.password();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
        return new LeaderSessions(details, "kit leader test", LEASE);
    }

    @Override
    protected LeaderLock serviceLeaderLock() {
        return LEADERS_LOCK;
    }

    @Override
    protected Duration serviceLease() {
        return LEASE;
    }

    @Override
    protected JdbcClient serviceJdbc() {
        return JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password()));
    }
}
