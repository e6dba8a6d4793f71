package kz.qorgau.order.approachban;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.timed.TimedMeasures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of a ban's term, in the scan of the order's timed events: each in its own transaction under the
 * ban's row lock, a conditional change of status committed with its event, so a second scan finds it
 * ended and adds nothing.
 */
@Component
class ApproachBanTerms implements TimedMeasures {

    private final ApproachBanStore store;
    private final ApproachBans bans;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ApproachBanTerms(ApproachBanStore store, ApproachBans bans, JdbcClient jdbc, TransactionTemplate transactions) {
        this.store = store;
        this.bans = bans;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public int raiseDue(Instant now) {
        List<UUID> due = jdbc.sql(
                        "SELECT id FROM approach_ban WHERE status = 'IN_FORCE' AND valid_until <= :now ORDER BY id")
                .param("now", Times.utc(now))
                .query(UUID.class)
                .list();
        int raised = 0;
        for (UUID id : due) {
            Boolean ended = transactions.execute(status -> store.lock(id)
                    .filter(ban -> ApproachBan.IN_FORCE.equals(ban.status()))
                    .map(ban -> {
                        bans.ended(ban, "clock", ApproachBans.TERM_ENDED, ban.validUntil());
                        return true;
                    })
                    .orElse(false));
            raised += Boolean.TRUE.equals(ended) ? 1 : 0;
        }
        return raised;
    }
}
