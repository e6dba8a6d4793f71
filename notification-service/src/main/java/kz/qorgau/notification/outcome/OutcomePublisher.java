package kz.qorgau.notification.outcome;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.kit.kafka.DependencyUnavailableException;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes an order's unpublished outbox rows, in sequence order, as CloudEvents (binary mode, key =
 * order id) with the idempotent {@code acks=all} producer, and marks each row published only after
 * Kafka acknowledged it.
 *
 * <p>The rows stay locked while they are sent, so the listener and the relay (or two instances)
 * never publish the same row at once. A crash after the ack and before the commit publishes the row
 * again on the next attempt, under the same CloudEvents id, which consumers absorb.
 */
@Component
public class OutcomePublisher {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final QorgauKafkaProperties topics;
    private final OutcomeProperties properties;
    private final Clock clock;
    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    OutcomePublisher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, byte[]> kafka,
            EventCodec codec,
            QorgauKafkaProperties topics,
            OutcomeProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.codec = codec;
        this.topics = topics;
        this.properties = properties;
        this.clock = clock;
        cloudEvents.configure(Map.of(), false);
    }

    /**
     * Publishes the order's unpublished events.
     *
     * @return how many were published
     * @throws DependencyUnavailableException if Kafka did not acknowledge one in time; it and the rows
     *     after it stay unpublished, to be sent by the next attempt
     */
    public int publishPending(String orderId) {
        Integer published = transactions.execute(status -> {
            List<Row> rows = jdbc.sql(
                            """
                    SELECT id, order_id, sequence, type, occurred_at, payload, traceparent, tracestate
                    FROM outcome_event
                    WHERE order_id = :orderId AND published_at IS NULL
                    ORDER BY sequence
                    FOR UPDATE
                    """)
                    .param("orderId", UUID.fromString(orderId))
                    .query(OutcomePublisher::map)
                    .list();
            for (Row row : rows) {
                send(row);
                jdbc.sql("UPDATE outcome_event SET published_at = :now WHERE id = :id")
                        .param("now", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
                        .param("id", row.id())
                        .update();
            }
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    /** Orders with rows that have waited longer than the grace period, for the relay. */
    List<String> ordersWithOverdueEvents() {
        return jdbc.sql(
                        """
                SELECT DISTINCT order_id FROM outcome_event
                WHERE published_at IS NULL AND created_at < :before
                """)
                .param("before", OffsetDateTime.now(clock).minus(properties.relayGrace()))
                .query((row, number) -> row.getObject("order_id", UUID.class).toString())
                .list();
    }

    private void send(Row row) {
        EventEnvelope<QorgauEvent> envelope = row.envelope(codec);
        ProducerRecord<String, CloudEvent> event = codec.toProducerRecord(envelope, topics.namespace());
        var headers = new RecordHeaders();
        byte[] value = cloudEvents.serialize(event.topic(), headers, event.value());
        var record = new ProducerRecord<>(event.topic(), null, event.key(), value, headers);
        try {
            kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException("interrupted while publishing " + envelope.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DependencyUnavailableException(
                    "Kafka did not acknowledge event " + envelope.id() + " on " + event.topic(), e);
        }
    }

    private static Row map(ResultSet row, int rowNumber) throws SQLException {
        return new Row(
                row.getObject("id", UUID.class),
                row.getObject("order_id", UUID.class).toString(),
                row.getInt("sequence"),
                row.getString("type"),
                row.getObject("occurred_at", OffsetDateTime.class),
                row.getString("payload"),
                row.getString("traceparent"),
                row.getString("tracestate"));
    }

    private record Row(
            UUID id,
            String orderId,
            int sequence,
            String type,
            OffsetDateTime occurredAt,
            String payload,
            String traceparent,
            String tracestate) {

        EventEnvelope<QorgauEvent> envelope(EventCodec codec) {
            QorgauEvent data = codec.readData(EventTypes.require(type), payload.getBytes(StandardCharsets.UTF_8));
            return new EventEnvelope<>(
                    id,
                    type,
                    EventSources.NOTIFICATION_SERVICE,
                    occurredAt,
                    orderId,
                    sequence,
                    traceparent,
                    tracestate,
                    data);
        }
    }
}
