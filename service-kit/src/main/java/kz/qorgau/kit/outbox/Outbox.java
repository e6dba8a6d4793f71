package kz.qorgau.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records events in the kit's {@code kit_outbox} table, in the caller's transaction: an event is published
 * if and only if the change it reports commits. The relay ({@link OutboxRelay}) publishes it after the
 * commit, one subject's events in sequence order.
 *
 * <p>The caller gives each event its per-subject sequence number ({@code subjectseq}: 1, 2, 3, … without
 * gaps) and takes it under a lock of the subject, so that one subject's events commit in sequence order.
 */
public class Outbox {

    /** The PostgreSQL notification channel the relay listens on; NOTIFY is delivered at commit. */
    public static final String CHANNEL = "qorgau_outbox";

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final Traceparents traceparents;

    public Outbox(JdbcClient jdbc, EventCodec codec, Traceparents traceparents) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.traceparents = traceparents;
    }

    /**
     * Writes the complete CloudEvent of {@code envelope}; without a trace context it gets the current
     * one (or a new trace).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(EventEnvelope<?> envelope) {
        EventEnvelope<?> event =
                envelope.traceparent() == null ? envelope.withTrace(traceparents.current(), null) : envelope;
        jdbc.sql(
                        """
                        INSERT INTO kit_outbox (event_id, event_type, event_source, event_time, subject, sequence,
                            traceparent, tracestate, data)
                        VALUES (:id, :type, :source, :time, :subject, :sequence, :traceparent, :tracestate,
                            CAST(:data AS json))
                        """)
                .param("id", event.id())
                .param("type", event.type())
                .param("source", event.source().toString())
                .param("time", event.time().withOffsetSameInstant(ZoneOffset.UTC))
                .param("subject", event.subject())
                .param("sequence", Math.toIntExact(event.sequence()))
                .param("traceparent", event.traceparent())
                .param("tracestate", event.tracestate())
                .param("data", new String(codec.writeData(event.data()), StandardCharsets.UTF_8))
                .update();
        // Wakes the active relay when this transaction commits; nothing is sent if it rolls back.
        jdbc.sql("SELECT pg_notify('" + CHANNEL + "', '')").query().singleRow();
    }
}
