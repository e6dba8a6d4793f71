package kz.qorgau.audit.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * Pins the canonical encodings (versions 1 and 2), the leaf hash and the chain with a known-answer vector: the expected
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

    /** Entry 3 of the vector: version 2, an event without data (docs/adr/0012). */
    static final String[] ENTRY_3_FIELDS = {
        "02", // 1 version
        "0000000000000003", // 2 sequence = 3
        "01" + "00000024" + ascii("0d8f3b52-9a1c-4c6e-b7f4-2e5a1d9c8b71"), // 3 event id, present
        "01" + "0000001a" + ascii("kz.qorgau.order.revoked.v1"), // 4 type, present, 26 bytes
        "01" + "00000020" + ascii("urn:qorgau:service:order-service"), // 5 source
        "01" + "00000024" + ascii("3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43"), // 6 subject
        "01" + "0000000000000002", // 7 subject sequence = 2, present
        "01" + "0000001b" + ascii("2026-03-01T10:15:30.000000Z"), // 8 time
        "00", // 9 data content type, absent
        "00", // 10 data schema, absent
        "0000000d" + ascii("qorgau.orders"), // 11 topic
        "00000003", // 12 partition = 3
        "000000000000002b", // 13 offset = 43
        "0000001b" + ascii("2026-03-01T10:15:31.123457Z"), // 14 recorded at
        "00", // 15 payload: absent, the record value was null
        "01" + "00000024" + ascii("3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43"), // 16 key, present, 36 bytes
        "00000002" // 17 headers: two
                + "0000000e" + ascii("ce_specversion") + "01" + "00000003" + ascii("1.0")
                + "00000007" + ascii("x-empty") + "00",
        "00" // 18 unreadable: absent, an event
    };

    /** Entry 4 of the vector: version 2, a record that could not be read, without key or headers. */
    static final String[] ENTRY_4_FIELDS = {
        "02", // 1 version
        "0000000000000004", // 2 sequence = 4
        "00", // 3 event id, absent
        "00", // 4 type
        "00", // 5 source
        "00", // 6 subject
        "00", // 7 subject sequence
        "00", // 8 time
        "00", // 9 data content type
        "00", // 10 data schema
        "0000000d" + ascii("qorgau.orders"), // 11 topic
        "00000003", // 12 partition = 3
        "000000000000002c", // 13 offset = 44
        "0000001b" + ascii("2026-03-01T10:15:31.123458Z"), // 14 recorded at
        "01" + "92072df399cb74703f8e86f450d552bc0bb01eeeb98a90985a1b7772c8fd0016", // 15 SHA-256 of "{not json"
        "00", // 16 key, absent
        "00000000", // 17 headers: none
        "01" + "0000001e" + ascii("[field=data] is not valid JSON") // 18 unreadable, 30 bytes
    };

    /**
     * Entry 5 of the vector: version 3 (docs/adr/0031), an event with data whose payload is stored encrypted; the
     * leaf covers the stored bytes' digest and the key's name.
     */
    static final String[] ENTRY_5_FIELDS = {
        "03", // 1 version
        "0000000000000005", // 2 sequence = 5
        "01" + "00000024" + ascii("0d8f3b52-9a1c-4c6e-b7f4-2e5a1d9c8b72"), // 3 event id, present
        "01" + "00000019" + ascii("kz.qorgau.order.served.v1"), // 4 type, 25 bytes
        "01" + "00000020" + ascii("urn:qorgau:service:order-service"), // 5 source
        "01" + "00000024" + ascii("3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43"), // 6 subject
        "01" + "0000000000000003", // 7 subject sequence = 3
        "01" + "0000001b" + ascii("2026-03-01T11:00:00.000000Z"), // 8 time
        "01" + "00000010" + ascii("application/json"), // 9 data content type
        "00", // 10 data schema, absent
        "0000000d" + ascii("qorgau.orders"), // 11 topic
        "00000003", // 12 partition = 3
        "000000000000002d", // 13 offset = 45
        "0000001b" + ascii("2026-03-01T11:00:01.000001Z"), // 14 recorded at
        "01" + "95944372a174d98cee43988d4946c1e7eff5bf8b40b79e14202f11468889dc90", // 15 SHA-256 of the stored bytes
        "01" + "00000024" + ascii("3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43"), // 16 key
        "00000000", // 17 headers: none
        "00", // 18 unreadable: absent
        "01" + "0000002c" + ascii("subject:3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43") // 19 payload key, 44 bytes
    };

    static final String ENTRY_5_LEAF = "b1330f16c3bc157b5ec979a059ecc0fbdb40e773fb305f7d379c3c6992dab10d";

    static final String ENTRY_3_LEAF = "5aa4d9edf71ea6d15a42fad6279a5dd7c559a7dccfdc1f8aefd1ed68fd69f23c";
    static final String ENTRY_3_CHAIN = "6b7e73ec031ca1b7c76a12e99b723f40afd287ccff1bd832a24971243679daa3";
    static final String ENTRY_4_LEAF = "0e82a0a2052e5a59644fe12491f14c6fd75c4e0bf1d098cd30a76542cf661f30";
    static final String ENTRY_4_CHAIN = "15213d6d20508b4241001f4a179922a53d29b2d47ec2f379ff460fedc6fa2974";

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
    void encodesVersion2ByteForByteAndItsLeavesContinueTheOneChain() {
        AuditEntry entry3 = entry3();
        AuditEntry entry4 = entry4();
        assertThat(hex(CanonicalEncoding.encode(entry3))).isEqualTo(String.join("", ENTRY_3_FIELDS));
        assertThat(hex(CanonicalEncoding.encode(entry4))).isEqualTo(String.join("", ENTRY_4_FIELDS));

        ChainHash chain2 = new ChainHash(HexFormat.of().parseHex(ENTRY_2_CHAIN));
        LeafHash leaf3 = LeafHash.of(entry3);
        ChainHash chain3 = HashChain.next(chain2, leaf3);
        LeafHash leaf4 = LeafHash.of(entry4);
        ChainHash chain4 = HashChain.next(chain3, leaf4);
        assertThat(leaf3.hex()).isEqualTo(ENTRY_3_LEAF);
        assertThat(chain3.hex()).isEqualTo(ENTRY_3_CHAIN);
        assertThat(leaf4.hex()).isEqualTo(ENTRY_4_LEAF);
        assertThat(chain4.hex()).isEqualTo(ENTRY_4_CHAIN);
    }

    @Test
    void encodesVersion3ByteForByteOverTheStoredPayloadAndItsKey() {
        AuditEntry entry5 = entry5();
        assertThat(hex(CanonicalEncoding.encode(entry5))).isEqualTo(String.join("", ENTRY_5_FIELDS));
        assertThat(LeafHash.of(entry5).hex()).isEqualTo(ENTRY_5_LEAF);
        // The key's name is covered: the same bytes under another key, or in clear, are another leaf.
        AuditEntry otherKey = entry5.withStoredPayload(entry5.payload(), "subject:another");
        AuditEntry inClear = entry5.withStoredPayload(entry5.payload(), null);
        assertThat(LeafHash.of(otherKey).hex()).isNotEqualTo(ENTRY_5_LEAF);
        assertThat(LeafHash.of(inClear).hex()).isNotEqualTo(ENTRY_5_LEAF);
        // Only version 3 names a payload key; it needs a payload.
        assertThatThrownBy(() -> entry3().withStoredPayload(new byte[1], "subject:x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The vector's entry 5: version 3, the stored bytes standing for a ciphertext. */
    static AuditEntry entry5() {
        return new AuditEntry(
                CanonicalEncoding.VERSION_3,
                5,
                UUID.fromString("0d8f3b52-9a1c-4c6e-b7f4-2e5a1d9c8b72"),
                "kz.qorgau.order.served.v1",
                "urn:qorgau:service:order-service",
                "3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43",
                3L,
                Instant.parse("2026-03-01T11:00:00Z"),
                "application/json",
                null,
                "qorgau.orders",
                3,
                45,
                Instant.parse("2026-03-01T11:00:01.000001Z"),
                "sealed payload".getBytes(StandardCharsets.US_ASCII),
                "3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43".getBytes(StandardCharsets.US_ASCII),
                List.of(),
                null,
                "subject:3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43");
    }

    @Test
    void version2TellsNoDataFromEmptyDataAndNoKeyFromAnEmptyKey() {
        AuditEntry unreadable = entry4();
        AuditEntry noValue = withRaw(unreadable, null, null, unreadable.headers());
        AuditEntry emptyValue = withRaw(unreadable, new byte[0], null, unreadable.headers());
        AuditEntry emptyKey = withRaw(unreadable, new byte[0], new byte[0], unreadable.headers());
        AuditEntry headerWithoutValue = withRaw(unreadable, null, null, List.of(new RecordHeader("h", null)));
        AuditEntry headerWithEmptyValue = withRaw(unreadable, null, null, List.of(new RecordHeader("h", new byte[0])));

        assertThat(Stream.of(noValue, emptyValue, emptyKey, headerWithoutValue, headerWithEmptyValue)
                        .map(LeafHash::of)
                        .distinct())
                .hasSize(5);
    }

    @Test
    void headersReadBackAsWritten() {
        List<RecordHeader> headers = List.of(
                new RecordHeader("ce_id", "x".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("ce_id", null),
                new RecordHeader("ключ", new byte[] {0, (byte) 0xff}));
        assertThat(CanonicalEncoding.readHeaders(CanonicalEncoding.headers(headers)))
                .isEqualTo(headers);
        assertThatThrownBy(() -> CanonicalEncoding.readHeaders(new byte[] {0, 0, 0, 1, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachVersionHoldsOnlyWhatItDescribes() {
        AuditEntry unreadable = entry4();
        // A version 1 entry is an event with data.
        assertThatThrownBy(() -> new AuditEntry(
                        CanonicalEncoding.VERSION_1,
                        1,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "t",
                        0,
                        0,
                        unreadable.recordedAt(),
                        new byte[0],
                        null,
                        null,
                        "unreadable"))
                .isInstanceOf(IllegalArgumentException.class);
        // An event with data is never version 2, and an unreadable record keeps no attributes.
        AuditEntry event = entry3();
        assertThatThrownBy(() -> new AuditEntry(
                        CanonicalEncoding.VERSION_2,
                        3,
                        event.eventId(),
                        event.type(),
                        event.source(),
                        event.subject(),
                        event.subjectSequence(),
                        event.time(),
                        null,
                        null,
                        event.topic(),
                        3,
                        43,
                        event.recordedAt(),
                        new byte[0],
                        null,
                        List.of(),
                        null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEntry(
                        CanonicalEncoding.VERSION_2,
                        4,
                        event.eventId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "t",
                        0,
                        0,
                        event.recordedAt(),
                        null,
                        null,
                        List.of(),
                        "unreadable"))
                .isInstanceOf(IllegalArgumentException.class);
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
        // A lone surrogate has no UTF-8 form: refused, never written as '?' (two texts would encode alike).
        assertThatThrownBy(() -> CanonicalEncoding.encode(
                        entry1().with(e -> e.subject = "order \uD800").build()))
                .isInstanceOf(IllegalArgumentException.class);
        // A pair is one character, written as its four UTF-8 bytes.
        byte[] paired = CanonicalEncoding.encode(
                entry1().with(e -> e.subject = "order \uD83D\uDE00").build());
        assertThat(new String(paired, StandardCharsets.UTF_8)).contains("order \uD83D\uDE00");
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

    /** The vector's entry 3: an event without data. */
    static AuditEntry entry3() {
        return new AuditEntry(
                CanonicalEncoding.VERSION_2,
                3,
                UUID.fromString("0d8f3b52-9a1c-4c6e-b7f4-2e5a1d9c8b71"),
                "kz.qorgau.order.revoked.v1",
                "urn:qorgau:service:order-service",
                "3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43",
                2L,
                Instant.parse("2026-03-01T10:15:30Z"),
                null,
                null,
                "qorgau.orders",
                3,
                43,
                Instant.parse("2026-03-01T10:15:31.123457Z"),
                null,
                "3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43".getBytes(StandardCharsets.US_ASCII),
                List.of(
                        new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.US_ASCII)),
                        new RecordHeader("x-empty", null)),
                null);
    }

    /** The vector's entry 4: a record that could not be read. */
    static AuditEntry entry4() {
        return new AuditEntry(
                CanonicalEncoding.VERSION_2,
                4,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "qorgau.orders",
                3,
                44,
                Instant.parse("2026-03-01T10:15:31.123458Z"),
                "{not json".getBytes(StandardCharsets.US_ASCII),
                null,
                List.of(),
                "[field=data] is not valid JSON");
    }

    private static AuditEntry withRaw(AuditEntry entry, byte[] value, byte[] key, List<RecordHeader> headers) {
        return new AuditEntry(
                entry.version(),
                entry.sequence(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                entry.topic(),
                entry.partition(),
                entry.offset(),
                entry.recordedAt(),
                value,
                key,
                headers,
                entry.unreadable());
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
