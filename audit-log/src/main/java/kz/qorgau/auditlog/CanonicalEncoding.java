package kz.qorgau.auditlog;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The canonical encodings of an {@link AuditEntry}: the bytes its leaf hash ({@link TreeHash#leaf}) covers.
 * Deterministic and unambiguous, so that an auditor can recompute a leaf offline from the entry's
 * fields (docs/adr/0008-audit-entries.md has version 1, docs/adr/0012-audit-every-record.md version
 * 2, each with the same table and a worked example). The first byte is the version, so a leaf says
 * which encoding it covers; old leaves keep verifying with theirs.
 *
 * <p>Version 1, an event with data:
 *
 * <pre>
 *  #  field              encoding
 *  1  version            u8 = 0x01
 *  2  sequence           i64
 *  3  event id           str (lower-case UUID, 36 characters)
 *  4  type               str
 *  5  source             str
 *  6  subject            str
 *  7  subject sequence   i64
 *  8  time               str (UTC, yyyy-MM-ddTHH:mm:ss.SSSSSSZ, always six fraction digits)
 *  9  data content type  opt-str
 * 10  data schema        opt-str
 * 11  topic              str
 * 12  partition          i32
 * 13  offset             i64
 * 14  recorded at        str (as time)
 * 15  payload            32 bytes: SHA-256 of the payload bytes
 * </pre>
 *
 * <p>Version 2, what version 1 cannot hold: an event without data, or a record that could not be
 * read as an event:
 *
 * <pre>
 *  #  field              encoding
 *  1  version            u8 = 0x02
 *  2  sequence           i64
 *  3  event id           opt-str
 *  4  type               opt-str
 *  5  source             opt-str
 *  6  subject            opt-str
 *  7  subject sequence   opt-i64
 *  8  time               opt-str (as time)
 *  9  data content type  opt-str
 * 10  data schema        opt-str
 * 11  topic              str
 * 12  partition          i32
 * 13  offset             i64
 * 14  recorded at        str (as time)
 * 15  payload            opt-digest: the record value's SHA-256; absent when the value was null
 * 16  key                opt-bytes: the record key as received; absent when it had none
 * 17  headers            u32 count, then for each header in record order: str name, opt-bytes value
 * 18  unreadable         opt-str: absent for an event; why the record could not be read
 *
 * Version 3 (docs/adr/0031-crypto-shredding.md), every entry appended since crypto-shredding: u8 = 0x03,
 * then fields 2 to 18 as version 2, field 15 the digest of the payload as stored (encrypted), then
 * 19  payload key        opt-str: the name of the key the payload is encrypted under; absent when the payload
 *                        is stored in clear (the service's own entries) or absent
 *
 *  i32, i64    big-endian two's complement, 4 and 8 bytes
 *  str         u32 big-endian byte length, then that many bytes of UTF-8
 *  opt-X       u8 0x00 when absent; u8 0x01 then X when present
 *  bytes       u32 big-endian length, then that many bytes
 *  digest      32 bytes
 * </pre>
 *
 * <p>The payload enters through its digest: the leaf stays small and fixed-size, and proving an
 * entry does not require revealing the payload. An absent payload (a null record value) and an
 * empty one (zero bytes, whose digest is SHA-256 of nothing) encode differently.
 */
public final class CanonicalEncoding {

    /** The first byte of an event with data's encoding. */
    public static final int VERSION_1 = 1;

    /** The first byte of an event without data's, or an unreadable record's, encoding. */
    public static final int VERSION_2 = 2;

    /** The first byte of every entry's encoding since crypto-shredding: the payload as stored, encrypted. */
    public static final int VERSION_3 = 3;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalEncoding() {}

    /** The canonical bytes of {@code entry}, in its version's encoding. */
    public static byte[] encode(AuditEntry entry) {
        byte[] payload = entry.payload();
        return encode(entry, payload == null ? null : TreeHash.digest(payload));
    }

    /**
     * The canonical bytes of {@code entry} with its payload's digest given instead of computed: the leaf of
     * an entry whose payload was left out (the evidence bundle, docs/adr/0027). The entry's own payload is
     * then ignored, but must be present exactly when {@code payloadDigest} is.
     */
    public static byte[] encode(AuditEntry entry, byte @Nullable [] payloadDigest) {
        if ((entry.payload() == null) != (payloadDigest == null)) {
            throw new IllegalArgumentException("a payload digest exactly when the entry has a payload");
        }
        if (payloadDigest != null && payloadDigest.length != TreeHash.SIZE) {
            throw new IllegalArgumentException("a payload digest is " + TreeHash.SIZE + " bytes");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (entry.version() == VERSION_1) {
                writeVersion1(out, entry, payloadDigest);
            } else {
                writeVersion2(out, entry, payloadDigest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void writeVersion1(DataOutputStream out, AuditEntry entry, byte[] payloadDigest) throws IOException {
        out.writeByte(VERSION_1);
        out.writeLong(entry.sequence());
        writeText(out, entry.eventId().toString());
        writeText(out, entry.type());
        writeText(out, entry.source());
        writeText(out, entry.subject());
        out.writeLong(entry.subjectSequence());
        writeText(out, formatTime(entry.time()));
        writeOptionalText(out, entry.dataContentType());
        writeOptionalText(out, entry.dataSchema());
        writeText(out, entry.topic());
        out.writeInt(entry.partition());
        out.writeLong(entry.offset());
        writeText(out, formatTime(entry.recordedAt()));
        out.write(payloadDigest);
    }

    /** Versions 2 and 3: the same fields, version 3 with the payload key after them. */
    private static void writeVersion2(DataOutputStream out, AuditEntry entry, byte @Nullable [] payloadDigest)
            throws IOException {
        out.writeByte(entry.version());
        out.writeLong(entry.sequence());
        writeOptionalText(out, entry.eventId() == null ? null : entry.eventId().toString());
        writeOptionalText(out, entry.type());
        writeOptionalText(out, entry.source());
        writeOptionalText(out, entry.subject());
        if (entry.subjectSequence() == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.writeLong(entry.subjectSequence());
        }
        writeOptionalText(out, entry.time() == null ? null : formatTime(entry.time()));
        writeOptionalText(out, entry.dataContentType());
        writeOptionalText(out, entry.dataSchema());
        writeText(out, entry.topic());
        out.writeInt(entry.partition());
        out.writeLong(entry.offset());
        writeText(out, formatTime(entry.recordedAt()));
        if (payloadDigest == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.write(payloadDigest);
        }
        writeOptionalBytes(out, entry.key());
        out.write(headers(entry.headers()));
        writeOptionalText(out, entry.unreadable());
        if (entry.version() == VERSION_3) {
            writeOptionalText(out, entry.payloadKey());
        }
    }

    /**
     * Headers as field 17 of version 2 writes them: u32 count, then each header's str name and
     * opt-bytes value. The {@code kafka_headers} column holds exactly these bytes.
     */
    public static byte[] headers(List<RecordHeader> headers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * (headers.size() + 1));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(headers.size());
            for (RecordHeader header : headers) {
                writeText(out, header.name());
                writeOptionalBytes(out, header.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The headers in bytes written by {@link #headers(List)}.
     *
     * @throws IllegalArgumentException when the bytes are not such headers (only a changed row holds such)
     */
    public static List<RecordHeader> readHeaders(byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        try {
            int count = in.getInt();
            if (count < 0 || count > encoded.length) {
                throw new IllegalArgumentException("not encoded headers");
            }
            List<RecordHeader> headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = strictUtf8(readBytes(in));
                byte[] value =
                        switch (in.get()) {
                            case 0 -> null;
                            case 1 -> readBytes(in);
                            default -> throw new IllegalArgumentException("not encoded headers");
                        };
                headers.add(new RecordHeader(name, value));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("not encoded headers");
            }
            return headers;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("not encoded headers", e);
        }
    }

    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("not encoded headers");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** A time as the encoding writes it, e.g. {@code 2026-03-01T10:15:30.000000Z}. */
    public static String formatTime(Instant time) {
        return TIME.format(time);
    }

    /** The SHA-256 of a payload, as field 15 holds it (of both versions). */
    public static byte[] payloadDigest(byte[] payload) {
        return TreeHash.digest(payload);
    }

    private static void writeOptionalText(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            writeText(out, value);
        }
    }

    private static void writeOptionalBytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static void writeText(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = strictUtf8(value);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** UTF-8 that refuses lone surrogates instead of writing '?', so different texts never encode alike. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not encoded headers", e);
        }
    }

    private static byte[] strictUtf8(String value) {
        // Only a lone surrogate cannot be encoded: text without surrogates takes the JDK's fast path.
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return strictUtf8WithSurrogates(value);
            }
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] strictUtf8WithSurrogates(String value) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text is not valid Unicode", e);
        }
    }
}
