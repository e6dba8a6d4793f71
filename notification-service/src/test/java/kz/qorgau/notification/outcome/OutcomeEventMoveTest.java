package kz.qorgau.notification.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.NotificationSent;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.infrastructure.postgres.TestDatabase;
import kz.qorgau.kit.database.KitMigrations;
import kz.qorgau.kit.database.KitSchema;
import kz.qorgau.testsupport.SharedInfrastructure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The upgrade onto the kit's outbox, on a real database without a Spring context: outcomes that a version
 * before the move left unpublished in {@code outcome_event} are in {@code kit_outbox} afterwards, unpublished,
 * with their id, sequence, trace and data, so the kit's relay publishes them (OutboxContract, run by
 * DutyUnitNoticeTest, shows that it publishes what kit_outbox holds).
 */
class OutcomeEventMoveTest {

    private static final KitSchema OUTBOX = new KitSchema("outbox", "classpath:db/kit/outbox", "kit_outbox_history");
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final EventCodec codec = new EventCodec();
    private TestDatabase database;
    private JdbcClient jdbc;

    @BeforeEach
    void freshDatabase() {
        database = SharedInfrastructure.databases().createFreshDatabase("outcomemove");
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password()));
    }

    @AfterEach
    void dropDatabase() {
        SharedInfrastructure.databases().drop(database.name());
    }

    @Test
    void unpublishedOutcomesOfTheOldTableAreInTheKitsOutboxAfterTheUpgrade() {
        // The version before the move: its migrations only.
        flyway().target("1").load().migrate();
        UUID noticeId = notice();
        String order = UUID.randomUUID().toString();
        NotificationSent first = sent(order, noticeId);
        UUID published = outcome(order, 1, first, TRACEPARENT, "2026-03-01 10:00:00+00");
        UUID pendingWithTrace = outcome(order, 2, sent(order, noticeId), TRACEPARENT, null);
        UUID pendingWithoutTrace = outcome(order, 3, sent(order, noticeId), null, null);

        // The upgrade: the kit's migrations, then the service's (V2 moves the rows).
        new KitMigrations(List.of(OUTBOX)).migrate(flyway().load());

        assertThat(jdbc.sql("SELECT to_regclass('outcome_event') IS NULL")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM kit_outbox WHERE subject = :order ORDER BY sequence")
                .param("order", order)
                .query()
                .listOfRows();
        assertThat(rows)
                .extracting(row -> row.get("event_id"))
                .containsExactly(published, pendingWithTrace, pendingWithoutTrace);
        assertThat(rows).extracting(row -> row.get("published_at") != null).containsExactly(true, false, false);
        assertThat(rows.get(1).get("traceparent")).isEqualTo(TRACEPARENT);
        assertThat((String) rows.get(2).get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(rows.get(0).get("event_source")).isEqualTo("urn:qorgau:service:notification-service");
        // The relay reads the data back through the contract's codec.
        Object data = codec.readData(
                EventTypes.require(NotificationSent.TYPE),
                rows.get(0).get("data").toString().getBytes(StandardCharsets.UTF_8));
        assertThat(data).isEqualTo(first);
        // The order's own sequence of outcomes carries on where it was.
        assertThat(jdbc.sql("SELECT last_sequence FROM outcome_sequence WHERE order_id = :order")
                        .param("order", UUID.fromString(order))
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    private FluentConfiguration flyway() {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration");
    }

    private UUID notice() {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        INSERT INTO notice (id, event_id, order_id, recipient_role, recipient, channel, status, attempts,
                            created_at, sent_at)
                        VALUES (:id, :eventId, :orderId, 'DUTY_UNIT', 'duty@police.example.kz', 'EMAIL', 'SENT', 1, now(),
                            now())
                        """)
                .param("id", id)
                .param("eventId", UUID.randomUUID())
                .param("orderId", UUID.randomUUID())
                .update();
        return id;
    }

    private static NotificationSent sent(String order, UUID noticeId) {
        return new NotificationSent(
                order,
                noticeId.toString(),
                UUID.randomUUID().toString(),
                "DUTY_UNIT",
                NotificationChannel.EMAIL,
                Instant.parse("2026-03-01T10:15:42Z"),
                1);
    }

    private UUID outcome(String order, int sequence, NotificationSent event, String traceparent, String publishedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        INSERT INTO outcome_sequence (order_id, last_sequence) VALUES (:order, :sequence)
                        ON CONFLICT (order_id) DO UPDATE SET last_sequence = :sequence
                        """)
                .param("order", UUID.fromString(order))
                .param("sequence", sequence)
                .update();
        jdbc.sql(
                        """
                        INSERT INTO outcome_event (id, order_id, sequence, type, occurred_at, payload, traceparent,
                            tracestate, notice_id, published_at)
                        VALUES (:id, :order, :sequence, :type, now(), CAST(:payload AS jsonb), :traceparent, 'k=v',
                            :noticeId, CAST(:publishedAt AS timestamptz))
                        """)
                .param("id", id)
                .param("order", UUID.fromString(order))
                .param("sequence", sequence)
                .param("type", NotificationSent.TYPE)
                .param("payload", new String(codec.writeData(event), StandardCharsets.UTF_8))
                .param("traceparent", traceparent)
                .param("noticeId", UUID.fromString(event.notificationId()))
                .param("publishedAt", publishedAt)
                .update();
        return id;
    }
}
