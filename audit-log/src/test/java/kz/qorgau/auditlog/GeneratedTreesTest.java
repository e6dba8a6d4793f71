package kz.qorgau.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random trees (the seed is each case's name, so a failure names it): every inclusion and
 * consistency proof verifies, the root matches RFC 6962's recursive definition, and a flipped bit, a
 * dropped, reordered or inserted leaf contradicts the original root. Rerun one case with {@code
 * -Dqorgau.seed=<seed>}.
 */
class GeneratedTreesTest {

    static Stream<Long> seeds() {
        String fixed = System.getProperty("qorgau.seed");
        if (fixed != null) {
            return Stream.of(Long.parseLong(fixed));
        }
        long base = new Random().nextLong();
        return LongStream.range(0, 40).mapToObj(i -> base + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyProofVerifiesAndEveryChangeIsCaught(long seed) {
        Random random = new Random(seed);
        int size = 1 + random.nextInt(random.nextBoolean() ? 40 : 600);
        List<byte[]> leaves = new ArrayList<>();
        InMemoryTree tree = new InMemoryTree();
        for (int i = 0; i < size; i++) {
            // Distinct leaves: the index first, so that a swap always changes something.
            byte[] data = new byte[4 + random.nextInt(50)];
            random.nextBytes(data);
            data[0] = (byte) (i >>> 24);
            data[1] = (byte) (i >>> 16);
            data[2] = (byte) (i >>> 8);
            data[3] = (byte) i;
            leaves.add(TreeHash.leaf(data));
            tree.append(leaves.get(i));
        }
        assertThat(tree.root()).isEqualTo(reference(leaves));
        byte[] root = tree.root();
        CompactRange range = new CompactRange();
        for (int i = 0; i < size; i++) {
            range.append(leaves.get(i));
            if (random.nextInt(10) == 0 || i == size - 1) {
                assertThat(range.root()).as("compact range at %d", i + 1).isEqualTo(tree.root(i + 1));
            }
        }

        for (int index = 0; index < size; index++) {
            List<byte[]> proof = MerkleTree.inclusionProof(index, size, tree);
            assertThat(Proofs.verifyInclusion(index, size, leaves.get(index), proof, root))
                    .as("inclusion of %d in %d", index, size)
                    .isTrue();
            if (index + 1 < size) {
                assertThat(Proofs.verifyInclusion(index + 1, size, leaves.get(index), proof, root))
                        .as("leaf %d claimed at %d", index, index + 1)
                        .isFalse();
            }
        }
        for (int pair = 0; pair < 60; pair++) {
            long size1 = 1 + random.nextInt(size);
            long size2 = size1 + random.nextInt(size - (int) size1 + 1);
            List<byte[]> proof = MerkleTree.consistencyProof(size1, size2, tree);
            assertThat(Proofs.verifyConsistency(size1, size2, proof, tree.root(size1), tree.root(size2)))
                    .as("consistency %d -> %d", size1, size2)
                    .isTrue();
            if (!proof.isEmpty()) {
                List<byte[]> flipped = new ArrayList<>(proof);
                int at = random.nextInt(flipped.size());
                flipped.set(at, flip(flipped.get(at), random));
                assertThat(Proofs.verifyConsistency(size1, size2, flipped, tree.root(size1), tree.root(size2)))
                        .as("consistency %d -> %d with a flipped bit in proof hash %d", size1, size2, at)
                        .isFalse();
            }
        }

        int at = random.nextInt(size);
        List<byte[]> flippedBit = new ArrayList<>(leaves);
        flippedBit.set(at, flip(leaves.get(at), random));
        assertContradicts(leaves, flippedBit, "a flipped bit in leaf " + at);
        if (size > 1) {
            List<byte[]> dropped = new ArrayList<>(leaves);
            dropped.remove(at);
            assertContradicts(leaves, dropped, "leaf " + at + " dropped");
            List<byte[]> reordered = new ArrayList<>(leaves);
            int other = (at + 1 + random.nextInt(size - 1)) % size;
            Collections.swap(reordered, at, other);
            assertContradicts(leaves, reordered, "leaves " + at + " and " + other + " swapped");
        }
        List<byte[]> inserted = new ArrayList<>(leaves);
        inserted.add(at, TreeHash.leaf(new byte[] {1, 2, 3}));
        assertContradicts(leaves, inserted, "a leaf inserted at " + at);
    }

    /**
     * A changed log's tree cannot have the original's root at the original size, nor prove itself an
     * extension of it (when it is at least as long).
     */
    private static void assertContradicts(List<byte[]> original, List<byte[]> changed, String what) {
        InMemoryTree before = tree(original);
        InMemoryTree after = tree(changed);
        long size = original.size();
        if (after.size() >= size) {
            assertThat(after.root(size)).as(what).isNotEqualTo(before.root());
            List<byte[]> proof = MerkleTree.consistencyProof(size, after.size(), after);
            assertThat(Proofs.verifyConsistency(size, after.size(), proof, before.root(), after.root()))
                    .as(what)
                    .isFalse();
        } else {
            // Shorter: the log shrank, which no checkpoint of the original allows, and its root differs.
            assertThat(after.root()).as(what).isNotEqualTo(before.root());
        }
    }

    private static InMemoryTree tree(List<byte[]> leaves) {
        InMemoryTree tree = new InMemoryTree();
        leaves.forEach(tree::append);
        return tree;
    }

    private static byte[] flip(byte[] hash, Random random) {
        byte[] flipped = hash.clone();
        flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        return flipped;
    }

    /** RFC 6962 §2.1's MTH, as written there: the definition the tree is checked against. */
    static byte[] reference(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return TreeHash.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return TreeHash.node(reference(leaves.subList(0, k)), reference(leaves.subList(k, leaves.size())));
    }
}
