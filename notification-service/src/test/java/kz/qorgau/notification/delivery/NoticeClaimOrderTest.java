package kz.qorgau.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.testsupport.QorgauInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim order on the real database (docs/adr/0041): urgent before routine and the police before victims'
 * contacts, whatever their due times; the earliest due first within one rank. The notices are due a day from now,
 * so the running engine leaves them alone, and the test claims them as of two days from now.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(smtp = true, sharedContext = "notification-service")
class NoticeClaimOrderTest {

    private static final OffsetDateTime TOMORROW =
            OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    NoticeQueue queue;

    @Autowired
    JdbcClient jdbc;

    private final List<UUID> claimedHere = new ArrayList<>();

    @AfterEach
    void release() {
        if (!claimedHere.isEmpty()) {
            jdbc.sql("UPDATE notice SET claim_token = NULL, claimed_until = NULL WHERE id IN (:ids)")
                    .param("ids", claimedHere)
                    .update();
        }
    }

    @Test
    void urgentNoticesAndThePolicesAreClaimedFirstWhateverTheirDueTimes() {
        UUID routineContact = notice("ROUTINE", "contact:" + UUID.randomUUID(), 1);
        UUID routinePolice = notice("ROUTINE", "duty-unit-alm-bostandyk@police.kz", 2);
        UUID urgentContact = notice("URGENT", "contact:" + UUID.randomUUID(), 3);
        UUID urgentPolice = notice("URGENT", "duty-unit-alm-bostandyk@police.kz", 4);
        UUID laterUrgentPolice = notice("URGENT", "duty-unit-ast-esil@police.kz", 5);
        List<UUID> ours = List.of(routineContact, routinePolice, urgentContact, urgentPolice, laterUrgentPolice);

        assertThat(claimOneByOne(ours))
                .containsExactly(urgentPolice, laterUrgentPolice, urgentContact, routinePolice, routineContact);
        assertThat(ranks(ours))
                .containsEntry(urgentPolice, 0)
                .containsEntry(urgentContact, 1)
                .containsEntry(routinePolice, 2)
                .containsEntry(routineContact, 3);
    }

    /** Claims one notice at a time until all of {@code ours} are claimed; our ids in the order claimed. */
    private List<UUID> claimOneByOne(List<UUID> ours) {
        OffsetDateTime later = TOMORROW.plusDays(1);
        List<UUID> order = new ArrayList<>();
        for (int i = 0; i < 1000 && order.size() < ours.size(); i++) {
            List<ClaimedNotice> claimed =
                    queue.claim(1, EnumSet.of(NotificationChannel.WEBHOOK), later, later.plusHours(1));
            assertThat(claimed).as("a notice of ours is still to be claimed").hasSize(1);
            UUID id = claimed.get(0).id();
            claimedHere.add(id);
            if (ours.contains(id)) {
                order.add(id);
            }
        }
        return order;
    }

    /** A pending webhook notice of an order of its own, due {@code hours} hours after tomorrow. */
    private UUID notice(String urgency, String recipient, int hours) {
        UUID id = UUID.randomUUID();
        OffsetDateTime due = TOMORROW.plusHours(hours);
        jdbc.sql(
                        """
                INSERT INTO notice (id, event_id, order_id, recipient_role, recipient, channel, status, created_at,
                                    urgency, subject, body, due_at, deadline_at)
                VALUES (:id, :id, :order, 'TEST', :recipient, 'WEBHOOK', 'PENDING', now(), :urgency, 'subject',
                        '{}', :due, :deadline)
                """)
                .param("id", id)
                .param("order", UUID.randomUUID())
                .param("recipient", recipient)
                .param("urgency", urgency)
                .param("due", due)
                .param("deadline", due.plusDays(3))
                .update();
        return id;
    }

    private Map<UUID, Integer> ranks(List<UUID> ids) {
        Map<UUID, Integer> ranks = new java.util.HashMap<>();
        jdbc.sql("SELECT id, claim_rank FROM notice WHERE id IN (:ids)")
                .param("ids", ids)
                .query((row, number) -> ranks.put(row.getObject(1, UUID.class), row.getInt(2)))
                .list();
        return ranks;
    }
}
