package kz.qorgau.audit.entry;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The canonical encoding of an {@link AuditEntry}, version 1: the bytes its {@link LeafHash}
 * covers. Deterministic and unambiguous, so that an auditor can recompute a leaf offline from the
 * entry's fields (docs/adr/0008-audit-entries.md has the same table and a worked example).
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
 *
 *  i32, i64  big-endian two's complement, 4 and 8 bytes
 *  str       u32 big-endian byte length, then that many bytes of UTF-8
 *  opt-str   u8 0x00 when absent; u8 0x01 then str when present
 * </pre>
 *
 * <p>The payload enters through its digest: the leaf stays small and fixed-size, and proving an
 * entry does not require revealing the payload.
 */
public final class CanonicalEncoding {

    /** The first byte of every encoding; a different encoding would get a new version. */
    public static final int VERSION = 1;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalEncoding() {}

    /** The canonical bytes of {@code entry}. */
    public static byte[] encode(AuditEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
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
            out.write(Sha256.digest(entry.payload()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /** A time as the encoding writes it, e.g. {@code 2026-03-01T10:15:30.000000Z}. */
    public static String formatTime(Instant time) {
        return TIME.format(time);
    }

    /** The SHA-256 of a payload, as field 15 holds it. */
    public static byte[] payloadDigest(byte[] payload) {
        return Sha256.digest(payload);
    }

    private static void writeOptionalText(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            writeText(out, value);
        }
    }

    private static void writeText(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = strictUtf8(value);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** UTF-8 that refuses lone surrogates instead of writing '?', so different texts never encode alike. */
    private static byte[] strictUtf8(String value) {
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
