package kz.qorgau.kit.database;

import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Warns once the service is up if its database server runs without autovacuum. Without it no table is ever
 * analyzed: the planner never learns how large a table has grown, and a statement prepared while the table was
 * nearly empty keeps its sequential scan in every pooled connection. On a server configured so (this project's
 * CI machines are), each person check scanned every order. The service still starts: a server may analyze on
 * a schedule of its own.
 */
public final class AutovacuumCheck implements ApplicationListener<ApplicationReadyEvent> {

    private static final Log log = LogFactory.getLog(AutovacuumCheck.class);

    private final JdbcClient jdbc;

    public AutovacuumCheck(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The server's {@code autovacuum} setting: {@code on} or {@code off}. */
    public String setting() {
        return jdbc.sql("SHOW autovacuum").query(String.class).single();
    }

    /** What an operator is told for the server's {@code setting}, if anything. */
    static Optional<String> warning(String setting) {
        if ("on".equals(setting)) {
            return Optional.empty();
        }
        return Optional.of("The database server's autovacuum is " + setting + ": its tables are never analyzed"
                + " unless something else does it, and queries can fall back to scanning whole tables. Turn it on"
                + " (autovacuum = on in postgresql.conf) or analyze the service's tables on a schedule.");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        try {
            warning(setting()).ifPresent(log::warn);
        } catch (DataAccessException unreachable) {
            // The database's own health check reports an unreachable server; this check is advice only.
            log.debug("Could not read the database server's autovacuum setting", unreachable);
        }
    }
}
