package kz.qorgau.audit.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.audit.entry.AuditAppender;
import kz.qorgau.audit.entry.OwnEvent;
import kz.qorgau.audit.writer.NotTheWriterException;
import kz.qorgau.audit.writer.WriterLeadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * An evidence bundle's payloads disclosed, as an access recorded in the trail itself (docs/adr/0040): who (the
 * token's subject and roles), when, which subject, for what purpose and how many payloads. Recorded in {@code
 * audit_payload_disclosure} before the payloads leave (a failure there gives none), and appended as the service's
 * own entry {@value #DISCLOSED}, the way legal holds are (docs/adr/0031): at once when this instance is the writer,
 * else by the writer's next round. The entry's event id is the row's, so appending it twice is impossible.
 */
@Service
public class PayloadDisclosures {

    /** The CloudEvents type of the service's own entry for a disclosure. */
    public static final String DISCLOSED = "kz.qorgau.audit.bundle.payloads.disclosed.v1";

    private static final Logger log = LoggerFactory.getLogger(PayloadDisclosures.class);
    private static final int BATCH = 100;
    private static final String COLUMNS =
            "id, event_id, subject, disclosed_by, roles, purpose, entries, payloads, tree_size, disclosed_at";

    private final JdbcClient jdbc;
    private final WriterLeadership writer;
    private final AuditAppender appender;
    private final JsonMapper json;

    PayloadDisclosures(JdbcClient jdbc, WriterLeadership writer, AuditAppender appender, JsonMapper json) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.appender = appender;
        this.json = json;
    }

    /** One disclosure: no personal data but what the auditor wrote as the purpose (docs/adr/0040). */
    record Disclosure(
            long id,
            UUID eventId,
            String subject,
            String disclosedBy,
            String roles,
            String purpose,
            int entries,
            int payloads,
            long treeSize,
            Instant disclosedAt) {}

    /**
     * Records the disclosure (committed when this returns) and, on the writer, appends its entry at once.
     *
     * @throws org.springframework.dao.DataAccessException when it could not be recorded: give no payloads
     */
    void record(
            String subject,
            String disclosedBy,
            List<String> roles,
            String purpose,
            int entries,
            int payloads,
            long size) {
        jdbc.sql("INSERT INTO audit_payload_disclosure (event_id, subject, disclosed_by, roles, purpose, entries,"
                        + " payloads, tree_size, disclosed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        subject,
                        disclosedBy,
                        String.join(",", roles),
                        purpose,
                        entries,
                        payloads,
                        size,
                        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                .update();
        if (writer.isWriter()) {
            try {
                appendRecorded();
            } catch (NotTheWriterException | org.springframework.dao.DataAccessException e) {
                // Recorded all the same: the writer's next round appends it.
                log.info("The disclosure's entry is left to the writer's next round: {}", e.toString());
            }
        }
    }

    /**
     * Appends an entry for each disclosure not yet in the trail, each with the noting of its sequence in one
     * writer transaction. Only on the writer.
     *
     * @return how many were recorded
     * @throws NotTheWriterException when this instance is not the writer
     */
    public int appendRecorded() {
        List<Disclosure> pending = writer.inWriterTransaction(jdbc -> jdbc.sql(
                        "SELECT " + COLUMNS + " FROM audit_payload_disclosure WHERE entry IS NULL ORDER BY id LIMIT ?")
                .param(BATCH)
                .query((row, number) -> new Disclosure(
                        row.getLong(1),
                        row.getObject(2, UUID.class),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getInt(7),
                        row.getInt(8),
                        row.getLong(9),
                        row.getObject(10, OffsetDateTime.class).toInstant()))
                .list());
        int recorded = 0;
        for (Disclosure disclosure : pending) {
            recorded += writer.inWriterTransaction(jdbc -> {
                long sequence = appender.appendOwn(
                        jdbc,
                        new OwnEvent(
                                disclosure.eventId(),
                                DISCLOSED,
                                disclosure.subject(),
                                json.writeValueAsBytes(payload(disclosure))));
                // Another round may have noted it meanwhile: the appender found the same event id, nothing twice.
                return jdbc.sql("UPDATE audit_payload_disclosure SET entry = ? WHERE id = ? AND entry IS NULL")
                        .params(sequence, disclosure.id())
                        .update();
            });
        }
        return recorded;
    }

    /** The entry's payload, in clear as the service's other entries. */
    static Map<String, Object> payload(Disclosure disclosure) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("disclosureId", disclosure.id());
        payload.put("subject", disclosure.subject());
        payload.put("disclosedBy", disclosure.disclosedBy());
        payload.put("roles", List.of(disclosure.roles().split(",")));
        payload.put("disclosedAt", disclosure.disclosedAt().toString());
        payload.put("purpose", disclosure.purpose());
        payload.put("entries", disclosure.entries());
        payload.put("payloadsDisclosed", disclosure.payloads());
        payload.put("treeSize", disclosure.treeSize());
        return payload;
    }
}
