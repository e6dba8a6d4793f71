package kz.qorgau.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tree against transparency-dev/merkle's known answers (github.com/transparency-dev/merkle, Apache-2.0,
 * commit 417fb0c314750d94e53942e9f92e79b6d35915db): the leaves, node hashes and roots of {@code
 * testonly/constants.go}, and every inclusion and consistency vector of {@code testdata/}, positive and
 * negative, restated in {@code transparency-dev-merkle-vectors.tsv}.
 */
class KnownAnswerTest {

    /** testonly/constants.go LeafInputs. */
    static final List<String> LEAF_INPUTS =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** testonly/constants.go RootHashes, by tree size from 0. */
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** testonly/constants.go NodeHashes: by level, then index. */
    static final List<List<String>> NODES = List.of(
            List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
            List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            List.of(
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            List.of("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    private static final HexFormat HEX = HexFormat.of();

    static InMemoryTree constantsTree() {
        InMemoryTree tree = new InMemoryTree();
        LEAF_INPUTS.forEach(input -> tree.append(TreeHash.leaf(HEX.parseHex(input))));
        return tree;
    }

    @Test
    void rootsAndNodesOfTheConstantsTree() {
        InMemoryTree tree = constantsTree();
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("root of %d", size).isEqualTo(ROOTS.get(size));
        }
        for (int level = 0; level < NODES.size(); level++) {
            for (int index = 0; index < NODES.get(level).size(); index++) {
                NodeId node = new NodeId(level, index);
                byte[] hash = tree.read(java.util.Set.of(node)).get(node);
                assertThat(HEX.formatHex(hash))
                        .as("%s", node)
                        .isEqualTo(NODES.get(level).get(index));
            }
        }
    }

    /** One line of the vectors file. */
    record Vector(
            String kind, String file, long a, long b, byte[] hash1, byte[] hash2, List<byte[]> proof, boolean wantErr) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                KnownAnswerTest.class.getResourceAsStream("transparency-dev-merkle-vectors.tsv"),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                vectors.add(new Vector(
                        f[0],
                        f[1],
                        Long.parseUnsignedLong(f[2]),
                        Long.parseUnsignedLong(f[3]),
                        hash(f[4]),
                        hash(f[5]),
                        proof(f[6]),
                        Boolean.parseBoolean(f[7])));
            }
        }
        return vectors.stream();
    }

    private static byte[] hash(String base64) {
        return base64.equals("-") ? null : Base64.getDecoder().decode(base64);
    }

    private static List<byte[]> proof(String text) {
        if (text.equals("-") || text.equals("[]")) {
            return text.equals("-") ? null : List.of();
        }
        return Arrays.stream(text.split(",", -1)).map(KnownAnswerTest::hash).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifiesAsTheReferenceDoes(Vector vector) {
        // Inclusion vectors: a = leaf index, b = tree size, hash1 = leaf hash, hash2 = root.
        // Consistency vectors: a = size1, b = size2, hash1 = root1, hash2 = root2.
        List<byte[]> proof = vector.proof() == null ? List.of() : vector.proof();
        boolean verified = vector.kind().equals("inclusion")
                ? Proofs.verifyInclusion(vector.a(), vector.b(), vector.hash1(), proof, vector.hash2())
                : Proofs.verifyConsistency(vector.a(), vector.b(), proof, vector.hash1(), vector.hash2());
        assertThat(verified).isEqualTo(!vector.wantErr());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void generatesTheReferenceProofs(Vector vector) {
        // The happy paths over the constants' leaves: our proofs are the reference's, hash for hash.
        InMemoryTree tree = constantsTree();
        if (vector.wantErr()
                || vector.b() > tree.size()
                || vector.a() < 1 && vector.kind().equals("consistency")) {
            return;
        }
        boolean overConstants = vector.kind().equals("inclusion")
                ? TreeHash.same(vector.hash1(), tree.leaf(vector.a()))
                        && TreeHash.same(vector.hash2(), tree.root(vector.b()))
                : TreeHash.same(vector.hash1(), tree.root(vector.a()))
                        && TreeHash.same(vector.hash2(), tree.root(vector.b()));
        if (!overConstants) {
            return;
        }
        List<byte[]> generated = vector.kind().equals("inclusion")
                ? MerkleTree.inclusionProof(vector.a(), vector.b(), tree)
                : MerkleTree.consistencyProof(vector.a(), vector.b(), tree);
        List<byte[]> expected = vector.proof() == null ? List.of() : vector.proof();
        assertThat(generated.stream().map(HEX::formatHex).toList())
                .isEqualTo(expected.stream().map(HEX::formatHex).toList());
    }
}
