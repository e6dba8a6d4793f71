package kz.qorgau.audit.retention;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.audit.entry.AuditAppender;
import kz.qorgau.audit.entry.OwnEvent;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.audit.writer.NotTheWriterException;
import kz.qorgau.audit.writer.WriterLeadership;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crypto-shredding's controls (docs/adr/0031), done by the writer alone: destroys the keys whose retention
 * ended, never one whose subject is under a legal hold, each destruction an entry of the trail in the same
 * transaction; and records each placed and lifted legal hold as an entry.
 */
@Service
public class Retention {

    public static final String KEY_DESTROYED = "kz.qorgau.audit.subject.key.destroyed.v1";
    public static final String HOLD_PLACED = "kz.qorgau.audit.legal.hold.placed.v1";
    public static final String HOLD_LIFTED = "kz.qorgau.audit.legal.hold.lifted.v1";

    /** Why a key is destroyed; the only reason there is. */
    static final String RETENTION_ENDED = "RETENTION_ENDED";

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 100;

    private static final String DUE =
            """
            SELECT k.name, k.subject, last.recorded_at
              FROM audit_subject_key k
              CROSS JOIN LATERAL (SELECT max(e.recorded_at) AS recorded_at
                                    FROM audit_entry e WHERE e.payload_key = k.name) last
             WHERE k.wrapped_key IS NOT NULL
               AND last.recorded_at < CASE WHEN k.subject IS NULL THEN ? ELSE ? END
               AND NOT EXISTS (SELECT 1 FROM audit_legal_hold h WHERE h.subject = k.subject AND h.lifted_at IS NULL)
             ORDER BY k.name LIMIT ?""";

    private final WriterLeadership writer;
    private final AuditAppender appender;
    private final AuditProperties.Shredding settings;
    private final MeterRegistry meters;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    Retention(
            WriterLeadership writer,
            AuditAppender appender,
            AuditProperties properties,
            MeterRegistry meters,
            JsonMapper json) {
        this.writer = writer;
        this.appender = appender;
        this.settings = properties.shredding();
        this.meters = meters;
        this.json = json;
    }

    /** A key whose retention ended. */
    record Due(String name, @Nullable String subject, Instant lastPayloadAt) {}

    /**
     * Destroys every key whose retention ended and whose subject is not under a legal hold, each with its
     * entry. Only on the writer.
     *
     * @return how many keys were destroyed
     * @throws NotTheWriterException when this instance is not the writer
     */
    public int shred() {
        int destroyed = 0;
        while (true) {
            List<Due> due = writer.inWriterTransaction(this::due);
            int round = 0;
            for (Due key : due) {
                try {
                    if (writer.inWriterTransaction(jdbc -> destroy(jdbc, key))) {
                        round++;
                        meters.counter("audit.keys.destroyed").increment();
                        log.info("Destroyed the key {}: its retention ended", key.name());
                    }
                } catch (DataAccessException e) {
                    // A hold placed since the query: the table's trigger refused it. Not destroyed; nothing lost.
                    log.warn(
                            "Did not destroy the key {}: {}",
                            key.name(),
                            e.getMostSpecificCause().getMessage());
                }
            }
            destroyed += round;
            if (due.size() < BATCH || round == 0) {
                return destroyed;
            }
        }
    }

    private List<Due> due(JdbcClient jdbc) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql(DUE)
                .params(now.minus(settings.unreadableRetention()), now.minus(settings.subjectRetention()), BATCH)
                .query((row, number) -> new Due(
                        row.getString(1),
                        row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    private boolean destroy(JdbcClient jdbc, Due key) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Boolean destroyed = jdbc.sql("SELECT audit_destroy_subject_key(?, ?)")
                .params(key.name(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(destroyed)) {
            return false;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("keyName", key.name());
        payload.put("reason", RETENTION_ENDED);
        payload.put(
                "retention",
                (key.subject() == null ? settings.unreadableRetention() : settings.subjectRetention()).toString());
        payload.put("retentionConfidence", settings.retentionConfidence());
        payload.put("lastPayloadAt", key.lastPayloadAt().toString());
        appender.appendOwn(
                jdbc,
                OwnEvent.of(
                        KEY_DESTROYED,
                        key.subject() == null ? key.name() : key.subject(),
                        json.writeValueAsString(payload)));
        return true;
    }

    /**
     * Appends an entry for each placed or lifted hold not yet in the trail. Only on the writer.
     *
     * @return how many entries were appended
     * @throws NotTheWriterException when this instance is not the writer
     */
    public int recordHolds() {
        List<LegalHold> pending = writer.inWriterTransaction(jdbc -> jdbc.sql("SELECT " + LegalHold.COLUMNS
                        + " FROM audit_legal_hold WHERE placed_entry IS NULL"
                        + " OR (lifted_at IS NOT NULL AND lifted_entry IS NULL) ORDER BY id LIMIT ?")
                .param(BATCH)
                .query(LegalHold.ROWS)
                .list());
        int appended = 0;
        for (LegalHold hold : pending) {
            appended += writer.inWriterTransaction(jdbc -> record(jdbc, hold));
        }
        return appended;
    }

    private int record(JdbcClient jdbc, LegalHold hold) {
        int appended = 0;
        if (hold.placedEntry() == null) {
            long sequence = appender.appendOwn(jdbc, OwnEvent.of(HOLD_PLACED, hold.subject(), holdJson(hold, false)));
            requireOne(jdbc.sql("UPDATE audit_legal_hold SET placed_entry = ? WHERE id = ? AND placed_entry IS NULL")
                    .params(sequence, hold.id())
                    .update());
            appended++;
        }
        if (hold.liftedAt() != null && hold.liftedEntry() == null) {
            long sequence = appender.appendOwn(jdbc, OwnEvent.of(HOLD_LIFTED, hold.subject(), holdJson(hold, true)));
            requireOne(jdbc.sql("UPDATE audit_legal_hold SET lifted_entry = ? WHERE id = ? AND lifted_entry IS NULL")
                    .params(sequence, hold.id())
                    .update());
            appended++;
        }
        return appended;
    }

    private static void requireOne(int updated) {
        if (updated != 1) {
            throw new IllegalStateException("the hold was recorded meanwhile");
        }
    }

    /** Who placed or lifted a hold (a member of staff's id), when, and for which case: no personal data. */
    private String holdJson(LegalHold hold, boolean lifted) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("holdId", hold.id());
        payload.put("subject", hold.subject());
        payload.put("caseReference", hold.caseReference());
        if (lifted) {
            payload.put("liftedBy", hold.liftedBy());
            payload.put("liftedAt", hold.liftedAt().toString());
        } else {
            payload.put("placedBy", hold.placedBy());
            payload.put("placedAt", hold.placedAt().toString());
        }
        return json.writeValueAsString(payload);
    }
}
