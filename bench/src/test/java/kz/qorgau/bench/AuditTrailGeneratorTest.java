package kz.qorgau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.auditlog.CanonicalEncoding;
import kz.qorgau.auditlog.CompactRange;
import kz.qorgau.auditlog.MerkleTree;
import kz.qorgau.auditlog.NodeId;
import kz.qorgau.auditlog.Proofs;
import kz.qorgau.auditlog.TreeHash;
import kz.qorgau.auditlog.TreeNodes;
import org.junit.jupiter.api.Test;

/** The audit parts' data set: a wrong one would make every proof and verification figure meaningless. */
class AuditTrailGeneratorTest {

    static final int ENTRIES = 1_000;

    /** What audit_entry.leaf_hash and audit_tree_node would hold, read as StoredTree reads them. */
    private final Map<NodeId, byte[]> stored = new HashMap<>();

    private final TreeNodes storedTree = nodes -> {
        Map<NodeId, byte[]> read = new HashMap<>();
        for (NodeId node : nodes) {
            byte[] hash = stored.get(node);
            if (hash == null) {
                throw new IllegalStateException("not stored: " + node);
            }
            read.put(node, hash);
        }
        return read;
    };

    @Test
    void theStoredTreeHasTheRootTheOfflineVerifierComputesAtEverySize() {
        AuditTrailGenerator generator = AuditTrailGenerator.fromStart();
        CompactRange verifier = new CompactRange();
        byte[] chain = new byte[TreeHash.SIZE];
        for (int sequence = 1; sequence <= ENTRIES; sequence++) {
            StoredEntry entry = store(generator.next());
            assertThat(entry.sequence()).isEqualTo(sequence);
            // Recomputed without the service's classes, as the offline verifier does.
            byte[] leaf = TreeHash.leaf(CanonicalEncoding.encode(entry.entry()));
            assertThat(entry.leafHash().bytes()).isEqualTo(leaf);
            chain = TreeHash.digest(chain, leaf);
            assertThat(entry.chainHash().bytes()).isEqualTo(chain);
            verifier.append(leaf);
            assertThat(MerkleTree.root(sequence, storedTree))
                    .as("root at %d", sequence)
                    .isEqualTo(verifier.root());
        }
        // Every complete subtree is stored, and nothing else: n - 1 nodes above n leaves when n is a power of two.
        assertThat(stored.keySet().stream().filter(node -> node.level() > 0)).hasSize(ENTRIES - Long.bitCount(ENTRIES));
    }

    @Test
    void proofsFromTheStoredTreeVerifyAndWrongOnesFail() {
        AuditTrailGenerator generator = AuditTrailGenerator.fromStart();
        for (int i = 0; i < ENTRIES; i++) {
            store(generator.next());
        }
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 200; i++) {
            long size = random.nextLong(2, ENTRIES + 1);
            long index = random.nextLong(size);
            long first = random.nextLong(1, size);
            byte[] root = MerkleTree.root(size, storedTree);
            List<byte[]> path = MerkleTree.inclusionProof(index, size, storedTree);
            byte[] leaf = stored.get(new NodeId(0, index));
            assertThat(Proofs.verifyInclusion(index, size, leaf, path, root))
                    .as("seed 15, inclusion of %d in %d", index, size)
                    .isTrue();
            assertThat(Proofs.verifyInclusion(index, size, TreeHash.leaf(new byte[] {1}), path, root))
                    .isFalse();
            List<byte[]> consistency = MerkleTree.consistencyProof(first, size, storedTree);
            assertThat(Proofs.verifyConsistency(first, size, consistency, MerkleTree.root(first, storedTree), root))
                    .as("seed 15, consistency from %d to %d", first, size)
                    .isTrue();
            assertThat(Proofs.verifyConsistency(first, size, consistency, TreeHash.leaf(new byte[] {2}), root))
                    .isFalse();
        }
    }

    @Test
    void aResumedBuildReadsItsEdgeFromTheStoreAndGoesOnAsOneBuild() {
        AuditTrailGenerator whole = AuditTrailGenerator.fromStart();
        AuditTrailGenerator.Appended last = null;
        for (int i = 0; i < 700; i++) {
            last = whole.next();
            store(last);
        }
        AuditTrailGenerator resumed = new AuditTrailGenerator(700, last.stored().chainHash(), storedTree);
        for (int i = 0; i < 300; i++) {
            AuditTrailGenerator.Appended expected = whole.next();
            AuditTrailGenerator.Appended actual = resumed.next();
            assertThat(actual.stored()).isEqualTo(expected.stored());
            assertThat(actual.nodes().keySet()).isEqualTo(expected.nodes().keySet());
            expected.nodes().forEach((node, hash) -> assertThat(actual.nodes().get(node))
                    .isEqualTo(hash));
        }
    }

    @Test
    void rowsAreCsvOfEveryColumnAsTheWriterInsertsThem() {
        StoredEntry entry = AuditTrailGenerator.fromStart().next().stored();
        String row = AuditTrailDatabase.entryRow(entry);

        assertThat(row).endsWith("\n").doesNotContain("\n\"");
        String[] fields = row.strip().split(",", -1);
        assertThat(fields).hasSize(21);
        assertThat(fields[0]).isEqualTo("1");
        assertThat(fields[1]).isEqualTo("\"" + AuditTrailGenerator.eventId(1) + "\"");
        assertThat(fields[8]).as("data_schema: NULL").isEmpty();
        assertThat(fields[14]).isEqualTo("\\x" + entry.leafHash().hex());
        assertThat(fields[15]).isEqualTo("\\x" + entry.chainHash().hex());
        assertThat(fields[16]).isEqualTo("3");
        assertThat(fields[19]).as("unreadable_reason: NULL").isEmpty();
        assertThat(AuditTrailDatabase.nodeRow(new NodeId(3, 7), new byte[] {1, (byte) 0xab}))
                .isEqualTo("3,7,\\x01ab\n");
        assertThat(AuditTrailGenerator.payload("order/x", 1)).hasSize(AuditTrailGenerator.PAYLOAD_BYTES);
    }

    private StoredEntry store(AuditTrailGenerator.Appended appended) {
        StoredEntry entry = appended.stored();
        stored.put(new NodeId(0, entry.sequence() - 1), entry.leafHash().bytes());
        appended.nodes().forEach((node, hash) -> {
            assertThat(stored.put(node, hash)).as("%s stored twice", node).isNull();
        });
        return entry;
    }
}
