package kz.qorgau.audit.entry;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.audit.subjectkey.SubjectKeys;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.events.catalog.EventTypes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Appends records to the trail, each at most once. Everything happens in one transaction of the
 * writer session: the duplicate check, reading the head, and the insert. So the sequence number is
 * the last one plus one among committed entries (never a PostgreSQL sequence, which would leave a
 * gap on rollback), and a crash before the commit leaves no trace. The Merkle tree's nodes that the
 * entry completes go into the same transaction (docs/adr/0023).
 */
@Service
public class AuditAppender {

    /** The {@code type} tag of unreadable records' entries. */
    static final String UNREADABLE_TAG = "unreadable";

    /** The {@code type} tag of dead letters' entries, raw like unreadable records but not unreadable. */
    static final String DEAD_LETTER_TAG = "dead-letter";

    private static final Logger log = LoggerFactory.getLogger(AuditAppender.class);

    private final WriterLeadership writer;
    private final MeterRegistry meters;
    private final SubjectKeys keys;

    public AuditAppender(WriterLeadership writer, MeterRegistry meters, SubjectKeys keys) {
        this.writer = writer;
        this.meters = meters;
        this.keys = keys;
    }

    /** What became of a record: its place in the trail, and whether it was already there. */
    public record Appended(long sequence, boolean duplicate) {}

    /**
     * Appends {@code received}, or does nothing if it is already in the trail (the relay may
     * publish an event twice; a record comes again after a crash before its offset was committed).
     * An event the database refuses as data (SQLSTATE class 22) is appended raw instead: a record
     * must never hold up the trail.
     *
     * @throws kz.qorgau.audit.writer.NotTheWriterException when this instance is not the writer
     * @throws org.springframework.dao.DataAccessException when the database is away: retried
     */
    Appended append(ReceivedRecord received) {
        Appended result;
        ReceivedRecord appended = received;
        try {
            result = writer.inWriterTransaction(jdbc -> appendIn(jdbc, received));
        } catch (DataAccessException e) {
            String sqlState = dataExceptionState(e);
            if (!(received instanceof ReceivedEvent event) || sqlState == null) {
                throw e;
            }
            appended = event.asUnreadable("the database refused it as an event (SQLSTATE " + sqlState + ")");
            ReceivedRecord raw = appended;
            result = writer.inWriterTransaction(jdbc -> appendIn(jdbc, raw));
        }
        counted(appended, result);
        return result;
    }

    /**
     * Appends a poll's records, in their order, in one transaction of the writer: one commit for all of them
     * (docs/adr/0041), each still at most once. When the database refuses one of them as data, nothing of the
     * transaction stays and each record is appended on its own ({@link #append}), so that only that one is
     * kept raw.
     *
     * @throws kz.qorgau.audit.writer.NotTheWriterException when this instance is not the writer
     * @throws org.springframework.dao.DataAccessException when the database is away: the whole poll is retried
     */
    List<Appended> appendAll(List<ReceivedRecord> records) {
        List<Appended> results;
        try {
            results = writer.inWriterTransaction(jdbc -> {
                Poll poll = new Poll(jdbc, records);
                List<Appended> appended = records.stream().map(poll::append).toList();
                poll.finish();
                return appended;
            });
        } catch (DataAccessException e) {
            if (dataExceptionState(e) == null) {
                throw e;
            }
            return records.stream().map(this::append).toList();
        }
        for (int i = 0; i < records.size(); i++) {
            counted(records.get(i), results.get(i));
        }
        return results;
    }

    /** Counted only after the commit: the metric never runs ahead of the table. */
    private void counted(ReceivedRecord appended, Appended result) {
        String tag = tagOf(appended);
        if (result.duplicate()) {
            meters.counter("audit.entries.duplicates", "type", tag).increment();
            log.debug("{} is already entry {}; nothing appended", appended, result.sequence());
        } else {
            meters.counter("audit.entries.appended", "type", tag).increment();
            if (appended instanceof UnreadableRecord deadLetter && deadLetter.deadLetter()) {
                log.info(
                        "Dead letter {}-{}@{} appended raw as entry {}",
                        deadLetter.topic(),
                        deadLetter.partition(),
                        deadLetter.offset(),
                        result.sequence());
            } else if (appended instanceof UnreadableRecord unreadable) {
                log.warn(
                        "{}-{}@{} is not a readable Qorgau event; appended raw and flagged as entry {}: {}",
                        unreadable.topic(),
                        unreadable.partition(),
                        unreadable.offset(),
                        result.sequence(),
                        unreadable.reason());
            } else {
                log.debug("Appended {} as entry {}", appended, result.sequence());
            }
        }
    }

    /**
     * Appends an event of the service's own (docs/adr/0031) in the writer's transaction {@code jdbc}, so that it
     * commits with what it records (a key destroyed, a hold placed).
     *
     * @return its sequence number
     */
    public long appendOwn(JdbcClient jdbc, OwnEvent event) {
        return appendIn(jdbc, event).sequence();
    }

    private Appended appendIn(JdbcClient jdbc, ReceivedRecord received) {
        Poll poll = new Poll(jdbc, List.of(received));
        Appended appended = poll.append(received);
        poll.finish();
        return appended;
    }

    /**
     * The appends of one writer transaction. What the transaction itself changes is kept in memory rather than
     * read again for each record: the head, the poll's events already in the trail (one query for all of them),
     * the subjects' live keys, and the entries and the tree's new nodes, inserted together by {@link #finish}.
     */
    private final class Poll {

        private final JdbcClient jdbc;
        private final StoredTree.Appending tree;
        private final SubjectKeys.Sealer sealer;
        private final Map<UUID, Long> events;
        private final List<StoredEntry> entries = new ArrayList<>();
        private AuditLog.@Nullable Head head;

        Poll(JdbcClient jdbc, List<ReceivedRecord> records) {
            this.jdbc = jdbc;
            this.tree = new StoredTree.Appending(jdbc);
            this.sealer = keys.sealer(jdbc);
            this.events = AuditLog.sequencesOf(
                    jdbc,
                    records.stream()
                            .map(AuditAppender::eventId)
                            .flatMap(Optional::stream)
                            .toList());
        }

        Appended append(ReceivedRecord received) {
            Optional<UUID> eventId = eventId(received);
            Optional<Long> existing = eventId.isPresent()
                    ? Optional.ofNullable(events.get(eventId.get()))
                    : AuditLog.sequenceOf(jdbc, (UnreadableRecord) received);
            if (existing.isPresent()) {
                return new Appended(existing.get(), true);
            }
            AuditLog.Head last = head != null ? head : AuditLog.head(jdbc);
            AuditEntry clear = received.toEntry(last.size() + 1, now());
            // The service's own entries hold no personal data and stay in clear; every record's payload is sealed.
            AuditEntry entry = received instanceof OwnEvent ? clear : sealer.seal(clear);
            LeafHash leaf = LeafHash.of(entry);
            ChainHash chain = HashChain.next(last.chainHash(), leaf);
            entries.add(new StoredEntry(entry, leaf, chain));
            tree.appended(entry.sequence(), leaf.bytes());
            head = new AuditLog.Head(entry.sequence(), chain);
            eventId.ifPresent(id -> events.put(id, entry.sequence()));
            return new Appended(entry.sequence(), false);
        }

        /** Stores what was kept for the end of the transaction: the entries, in one statement, and the tree's new nodes. */
        void finish() {
            AuditLog.insertAll(jdbc, entries);
            entries.clear();
            tree.store();
        }
    }

    /** The event id a record is known by in the trail; none for an unreadable record. */
    private static Optional<UUID> eventId(ReceivedRecord received) {
        if (received instanceof ReceivedEvent event) {
            return Optional.of(event.eventId());
        }
        if (received instanceof OwnEvent own) {
            return Optional.of(own.eventId());
        }
        return Optional.empty();
    }

    /**
     * A producer chooses types: only the catalogue's keep their name as a tag, so series stay bounded; the
     * service's own types are its few constants.
     */
    private static String tagOf(ReceivedRecord received) {
        if (received instanceof ReceivedEvent event) {
            return EventTypes.metricTag(event.type());
        }
        if (received instanceof OwnEvent own) {
            return own.type();
        }
        return ((UnreadableRecord) received).deadLetter() ? DEAD_LETTER_TAG : UNREADABLE_TAG;
    }

    /** The SQLSTATE when PostgreSQL refused a value as data (class 22), not a constraint or the trigger. */
    private static @Nullable String dataExceptionState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("22") ? sql.getSQLState() : null;
            }
        }
        return null;
    }

    private Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
