package kz.qorgau.audit.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Pins the canonical encoding, the leaf hash and the chain with a known-answer vector: the expected
 * bytes are written out by hand, field by field, and the expected hashes were computed outside
 * Java (Python's hashlib over the same bytes). If the encoding drifts, old leaves stop verifying:
 * this test fails first.
 */
class CanonicalEncodingTest {

    static final String PAYLOAD = "{\"orderId\":\"3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43\"}";

    /** Entry 1 of the vector, field by field (see CanonicalEncoding's table). */
    static final String[] ENTRY_1_FIELDS = {
        "01", // 1 version
        "0000000000000001", // 2 sequence = 1
        "00000024" + ascii("0d8f3b52-9a1c-4c6e-b7f4-2e5a1d9c8b70"), // 3 event id, 36 bytes
        "00000019" + ascii("kz.qorgau.order.issued.v1"), // 4 type, 25 bytes
        "00000020" + ascii("urn:qorgau:service:order-service"), // 5 source, 32 bytes
        "00000024" + ascii("3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43"), // 6 subject, 36 bytes
        "0000000000000001", // 7 subject sequence = 1
        "0000001b" + ascii("2026-03-01T10:15:30.000000Z"), // 8 time, 27 bytes
        "01" + "00000010" + ascii("application/json"), // 9 data content type, present, 16 bytes
        "01" + "00000028" + ascii("urn:qorgau:events:schema:order.issued.v1"), // 10 data schema, 40 bytes
        "0000000d" + ascii("qorgau.orders"), // 11 topic, 13 bytes
        "00000003", // 12 partition = 3
        "000000000000002a", // 13 offset = 42
        "0000001b" + ascii("2026-03-01T10:15:31.123456Z"), // 14 recorded at
        "e08e8320f88a33915b0f652bc08fb5448aa787d9165e30a89ae35e0a5695d695" // 15 SHA-256 of the payload
    };

    static final String ENTRY_1_LEAF = "1902edd0cec54fb3ed741cb1359d42073d599c1210a34f24b159978b125cd202";
    static final String ENTRY_1_CHAIN = "ff984d2f9279c7b9484c6c39443605f2f84672431235b14079edbfb721e36dc0";
    static final String ENTRY_2_LEAF = "28813d6086af5b0189e22764cff3d544e1588eee9ec94b6c7b5d38a2dc66ec56";
    static final String ENTRY_2_CHAIN = "c67d0c297c99c429fbeaed84610d8db68eb7f89499561a313642ab27416bf86d";

    @Test
    void encodesTheKnownAnswerVectorByteForByte() {
        assertThat(hex(CanonicalEncoding.encode(entry1().build()))).isEqualTo(String.join("", ENTRY_1_FIELDS));
    }

    @Test
    void leafHashIsSha256OfZeroAndTheCanonicalBytes() throws Exception {
        byte[] canonical = HexFormat.of().parseHex(String.join("", ENTRY_1_FIELDS));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 0x00);
        byte[] byHand = sha256.digest(canonical);

        LeafHash leaf = LeafHash.of(entry1().build());

        assertThat(leaf.hex()).isEqualTo(hex(byHand)).isEqualTo(ENTRY_1_LEAF);
    }

    @Test
    void chainStartsAtThirtyTwoZeroBytesAndLinksEachLeafToThePrevious() {
        assertThat(HashChain.GENESIS.hex()).isEqualTo("00".repeat(32));

        LeafHash leaf1 = LeafHash.of(entry1().build());
        ChainHash chain1 = HashChain.next(HashChain.GENESIS, leaf1);
        // Entry 2: absent optional fields, other numbers.
        AuditEntry entry2 = entry1().with(e -> {
                    e.sequence = 2;
                    e.dataContentType = null;
                    e.dataSchema = null;
                    e.partition = 0;
                    e.offset = 0;
                })
                .build();
        LeafHash leaf2 = LeafHash.of(entry2);
        ChainHash chain2 = HashChain.next(chain1, leaf2);

        assertThat(chain1.hex()).isEqualTo(ENTRY_1_CHAIN);
        assertThat(leaf2.hex()).isEqualTo(ENTRY_2_LEAF);
        assertThat(chain2.hex()).isEqualTo(ENTRY_2_CHAIN);
        // The chain depends on the order of the leaves.
        assertThat(HashChain.next(HashChain.next(HashChain.GENESIS, leaf2), leaf1))
                .isNotEqualTo(chain2);
    }

    @Test
    void changingAnyFieldChangesTheLeaf() {
        Map<String, Consumer<EntryBuilder>> tampering = new LinkedHashMap<>();
        tampering.put("sequence", e -> e.sequence = 2);
        tampering.put("eventId", e -> e.eventId = UUID.fromString("0d8f3b52-9a1c-4c6e-b7f4-2e5a1d9c8b71"));
        tampering.put("type", e -> e.type = "kz.qorgau.order.issued.v2");
        tampering.put("source", e -> e.source = "urn:qorgau:service:notification-service");
        tampering.put("subject", e -> e.subject = "3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c44");
        tampering.put("subjectSequence", e -> e.subjectSequence = 2);
        tampering.put("time", e -> e.time = Instant.parse("2026-03-01T10:15:30.000001Z"));
        tampering.put("dataContentType", e -> e.dataContentType = "application/json; charset=utf-8");
        tampering.put("dataContentType absent", e -> e.dataContentType = null);
        tampering.put("dataSchema", e -> e.dataSchema = "urn:qorgau:events:schema:order.issued.v2");
        tampering.put("topic", e -> e.topic = "qorgau.notifications");
        tampering.put("partition", e -> e.partition = 4);
        tampering.put("offset", e -> e.offset = 43);
        tampering.put("recordedAt", e -> e.recordedAt = Instant.parse("2026-03-01T10:15:31.123457Z"));
        tampering.put("payload", e -> e.payload = PAYLOAD.replace('3', '4').getBytes(StandardCharsets.UTF_8));
        tampering.put("payload by one byte", e -> e.payload = (PAYLOAD + " ").getBytes(StandardCharsets.UTF_8));

        LeafHash original = LeafHash.of(entry1().build());
        tampering.forEach(
                (field, change) -> assertThat(LeafHash.of(entry1().with(change).build()))
                        .as("leaf after changing " + field)
                        .isNotEqualTo(original));
    }

    @Test
    void fieldBoundariesCannotBeMovedAndAbsentDiffersFromEmpty() {
        AuditEntry ab = entry1().with(e -> {
                    e.type = "ab";
                    e.source = "c";
                })
                .build();
        AuditEntry a = entry1().with(e -> {
                    e.type = "a";
                    e.source = "bc";
                })
                .build();
        assertThat(CanonicalEncoding.encode(ab)).isNotEqualTo(CanonicalEncoding.encode(a));

        AuditEntry absent = entry1().with(e -> e.dataSchema = null).build();
        AuditEntry empty = entry1().with(e -> e.dataSchema = "").build();
        assertThat(CanonicalEncoding.encode(absent)).isNotEqualTo(CanonicalEncoding.encode(empty));
    }

    @Test
    void timesAreWrittenWithSixFractionDigitsInUtc() {
        assertThat(CanonicalEncoding.formatTime(Instant.parse("2026-03-01T10:15:30Z")))
                .isEqualTo("2026-03-01T10:15:30.000000Z");
        assertThat(CanonicalEncoding.formatTime(Instant.parse("2026-12-31T23:59:59.999999Z")))
                .isEqualTo("2026-12-31T23:59:59.999999Z");
    }

    @Test
    void refusesWhatTheEncodingOrPostgresqlCouldNotKeepExactly() {
        assertThatThrownBy(() -> entry1().with(e -> e.time = Instant.parse("2026-03-01T10:15:30.000000001Z"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry1().with(e -> e.type = "kz.qorgau\0").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry1().with(e -> e.sequence = 0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digestsCompareByValue() {
        LeafHash leaf = LeafHash.of(entry1().build());
        assertThat(leaf.matches(new LeafHash(leaf.bytes()))).isTrue();
        byte[] flipped = leaf.bytes();
        flipped[31] ^= 1;
        assertThat(leaf.matches(new LeafHash(flipped))).isFalse();
        assertThatThrownBy(() -> new LeafHash(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    static EntryBuilder entry1() {
        return new EntryBuilder();
    }

    /** The vector's entry 1, with fields to change one at a time. */
    static final class EntryBuilder {
        long sequence = 1;
        UUID eventId = UUID.fromString("0d8f3b52-9a1c-4c6e-b7f4-2e5a1d9c8b70");
        String type = "kz.qorgau.order.issued.v1";
        String source = "urn:qorgau:service:order-service";
        String subject = "3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43";
        long subjectSequence = 1;
        Instant time = Instant.parse("2026-03-01T10:15:30Z");
        String dataContentType = "application/json";
        String dataSchema = "urn:qorgau:events:schema:order.issued.v1";
        String topic = "qorgau.orders";
        int partition = 3;
        long offset = 42;
        Instant recordedAt = Instant.parse("2026-03-01T10:15:31.123456Z");
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);

        EntryBuilder with(Consumer<EntryBuilder> change) {
            change.accept(this);
            return this;
        }

        AuditEntry build() {
            return new AuditEntry(
                    sequence,
                    eventId,
                    type,
                    source,
                    subject,
                    subjectSequence,
                    time,
                    dataContentType,
                    dataSchema,
                    topic,
                    partition,
                    offset,
                    recordedAt,
                    payload);
        }
    }

    private static String ascii(String text) {
        return hex(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
