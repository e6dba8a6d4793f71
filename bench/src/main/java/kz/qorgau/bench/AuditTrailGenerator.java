package kz.qorgau.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.audit.entry.ChainHash;
import kz.qorgau.audit.entry.HashChain;
import kz.qorgau.audit.entry.LeafHash;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.auditlog.AuditEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.MerkleTree;
import kz.qorgau.auditlog.NodeId;
import kz.qorgau.auditlog.RecordHeader;
import kz.qorgau.auditlog.TreeNodes;

/**
 * The audit parts' trail, generated as audit-service's writer would have stored it: each entry an order's
 * event with a 1,000-byte payload (as {@link JdbcInsertLimit}'s row) and the CloudEvents headers of the Kafka
 * binding, encoding version 3; its leaf and chain hash by the service's own {@link LeafHash} and {@link
 * HashChain}; the tree nodes it completes by the service's own {@link MerkleTree#completedBy}, as {@code
 * StoredTree.appended} stores them. The payload is in clear (no subject key), so the offline verifier hashes
 * it too: the dearer case for the verifier.
 *
 * <p>Deterministic: entry {@code n} is the same in every run. Keeps only the tree's right edge, so it makes
 * any number of entries in constant memory; a build that resumes reads the edge it lacks from the database.
 */
final class AuditTrailGenerator {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final int PAYLOAD_BYTES = JdbcInsertLimit.PAYLOAD_BYTES;
    static final int EVENTS_PER_ORDER = 10;
    static final int PARTITIONS = 6;
    static final String TOPIC = "qorgau.orders";
    static final List<String> TYPES = List.of(
            "kz.qorgau.order.issued.v1",
            "kz.qorgau.order.served.v1",
            "kz.qorgau.order.police-notified.v1",
            "kz.qorgau.order.checkpoint-passed.v1",
            "kz.qorgau.access.person-checked.v1");

    private static final long EVENT_IDS = 0x5142_454e_4348_0001L;
    private static final long ORDER_IDS = 0x5142_454e_4348_0002L;

    /** One appended entry: the row, and the tree nodes it completed. */
    record Appended(StoredEntry stored, Map<NodeId, byte[]> nodes) {}

    /** The tree's right edge: at each level, the last complete subtree, whose right sibling is still to come. */
    private final byte[][] edge = new byte[63][];

    private final long[] edgeIndex = new long[63];
    private final TreeNodes stored;
    private long size;
    private ChainHash chain;

    /**
     * @param size the entries already stored
     * @param chain the last one's chain hash
     * @param stored the nodes already stored, read when a resumed build first needs its edge
     */
    AuditTrailGenerator(long size, ChainHash chain, TreeNodes stored) {
        this.size = size;
        this.chain = chain;
        this.stored = stored;
    }

    /** A generator of a trail from its first entry. */
    static AuditTrailGenerator fromStart() {
        return new AuditTrailGenerator(0, HashChain.GENESIS, nodes -> {
            throw new IllegalStateException("a trail built from its start has its whole edge: " + nodes);
        });
    }

    long size() {
        return size;
    }

    Appended next() {
        long index = size;
        AuditEntry entry = entry(index + 1, eventId(index + 1));
        LeafHash leaf = LeafHash.of(entry);
        chain = HashChain.next(chain, leaf);
        Map<NodeId, byte[]> completed = MerkleTree.completedBy(index, leaf.bytes(), this::read);
        // The left siblings it used are no edge any more; the highest subtree it completed (or itself) is.
        int top = completed.size();
        byte[] topHash = leaf.bytes();
        for (byte[] hash : completed.values()) {
            topHash = hash;
        }
        for (int level = 0; level < top; level++) {
            edge[level] = null;
        }
        edge[top] = topHash;
        edgeIndex[top] = index >> top;
        size++;
        return new Appended(new StoredEntry(entry, leaf, chain), completed);
    }

    private Map<NodeId, byte[]> read(Set<NodeId> nodes) {
        Map<NodeId, byte[]> read = new HashMap<>();
        Set<NodeId> missing = new HashSet<>();
        for (NodeId node : nodes) {
            byte[] hash = edge[node.level()];
            if (hash != null && edgeIndex[node.level()] == node.index()) {
                read.put(node, hash);
            } else {
                missing.add(node);
            }
        }
        if (!missing.isEmpty()) {
            read.putAll(stored.read(missing));
        }
        return read;
    }

    /** The event id of generated entry {@code sequence}. */
    static UUID eventId(long sequence) {
        return new UUID(EVENT_IDS, sequence);
    }

    /**
     * Entry {@code sequence} as the writer records it from its Kafka record: an order's event, ten per order,
     * recorded 5 ms after it happened.
     */
    static AuditEntry entry(long sequence, UUID eventId) {
        long order = (sequence - 1) / EVENTS_PER_ORDER;
        long subjectSequence = (sequence - 1) % EVENTS_PER_ORDER + 1;
        String subject = "order/" + new UUID(ORDER_IDS, order);
        String type = TYPES.get((int) (subjectSequence % TYPES.size()));
        String source = "/qorgau/order-service";
        Instant time = START.plusMillis(sequence * 10);
        List<RecordHeader> headers = new ArrayList<>();
        headers.add(header("ce_specversion", "1.0"));
        headers.add(header("ce_id", eventId.toString()));
        headers.add(header("ce_source", source));
        headers.add(header("ce_type", type));
        headers.add(header("ce_subject", subject));
        headers.add(header("ce_time", CanonicalEncoding.formatTime(time)));
        headers.add(header("ce_sequence", Long.toString(subjectSequence)));
        headers.add(header("content-type", "application/json"));
        headers.add(
                header("traceparent", "00-" + "%032x".formatted(sequence) + "-" + "%016x".formatted(order) + "-00"));
        return new AuditEntry(
                CanonicalEncoding.VERSION_3,
                sequence,
                eventId,
                type,
                source,
                subject,
                subjectSequence,
                time,
                "application/json",
                null,
                TOPIC,
                (int) (order % PARTITIONS),
                sequence,
                time.plusMillis(5),
                payload(subject, subjectSequence),
                subject.getBytes(StandardCharsets.UTF_8),
                headers,
                null);
    }

    /** An event's data of {@link #PAYLOAD_BYTES} bytes. */
    static byte[] payload(String subject, long subjectSequence) {
        StringBuilder json = new StringBuilder("{\"order\":\"")
                .append(subject)
                .append("\",\"sequence\":")
                .append(subjectSequence)
                .append(",\"details\":\"");
        while (json.length() < PAYLOAD_BYTES - 2) {
            json.append((char) ('a' + json.length() % 26));
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
