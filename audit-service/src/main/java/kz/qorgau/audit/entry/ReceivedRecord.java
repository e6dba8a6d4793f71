package kz.qorgau.audit.entry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.RecordHeader;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.envelope.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * A consumed record with what the trail keeps of it: a {@link ReceivedEvent}, or an {@link
 * UnreadableRecord} kept raw; or an {@link OwnEvent} the service appends itself. Every record is one or the other, so every record is appended
 * (docs/adr/0012): reading never throws.
 */
sealed interface ReceivedRecord permits ReceivedEvent, UnreadableRecord, OwnEvent {

    /** Longest reason kept for an unreadable record. */
    int MAX_REASON = 500;

    /**
     * What the trail keeps of {@code record}. Reading bytes is deterministic, so a record that
     * cannot be read now never will be: it is kept raw with the reason, never retried.
     */
    static ReceivedRecord read(ConsumerRecord<byte[], byte[]> record, EventCodec codec) {
        if (UnreadableRecord.isDeadLetterTopic(record.topic())) {
            return UnreadableRecord.of(record, UnreadableRecord.DEAD_LETTER);
        }
        try {
            ReceivedEvent event = ReceivedEvent.from(record, codec);
            // Whatever the trail could not encode or store is found here, not inside the append.
            CanonicalEncoding.encode(event.toEntry(1, AuditEntry.EARLIEST));
            return event;
        } catch (RuntimeException e) {
            return UnreadableRecord.of(record, reason(e));
        }
    }

    /** This record as the trail's entry number {@code sequence}. */
    AuditEntry toEntry(long sequence, Instant recordedAt);

    /** Where the record was read. */
    String topic();

    int partition();

    long offset();

    /** The record's headers as received, in their order. */
    static List<RecordHeader> headers(ConsumerRecord<?, ?> record) {
        List<RecordHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new RecordHeader(header.key(), header.value()));
        }
        return headers;
    }

    /** The key as text when it is valid UTF-8, else {@code null} (and so never a subject). */
    static @Nullable String keyText(byte @Nullable [] key) {
        if (key == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Why a record could not be read, in our own words: the contract's field and problem, never the
     * record's values (not even its type, which a producer chooses), and only printable characters.
     */
    static String reason(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventContractException contract) {
                String field = contract.field() == null ? "" : "[field=" + contract.field() + "] ";
                return printable(field + contract.problem());
            }
        }
        return "could not be read (" + failure.getClass().getSimpleName() + ")";
    }

    private static String printable(String text) {
        StringBuilder kept = new StringBuilder(Math.min(text.length(), MAX_REASON));
        text.codePoints().limit(MAX_REASON).forEach(c -> {
            boolean control = Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
            boolean surrogate = Character.getType(c) == Character.SURROGATE;
            kept.appendCodePoint(control || surrogate ? '?' : c);
        });
        return kept.toString();
    }
}
