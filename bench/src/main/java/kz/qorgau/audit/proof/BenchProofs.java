package kz.qorgau.audit.proof;

import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * audit-service's proofs without HTTP, for the bench's {@code audit-proofs} part (docs/performance.md): the
 * controller's own methods (the head, the proof, the leaf and the roots, as GET /api/v1/audit/proofs/* reads
 * them), without the web stack and JSON. Here, in the service's package, because the controller is the
 * package's own.
 */
public final class BenchProofs {

    /** A proof as the API answers it, its hashes decoded; {@code leafHash} is null for a consistency proof. */
    public record Proof(byte[] leafHash, byte[] firstRoot, byte[] root, List<byte[]> hashes) {}

    private final ProofsController controller;

    public BenchProofs(JdbcClient jdbc) {
        controller = new ProofsController(jdbc);
    }

    /** GET /proofs/inclusion?sequence=…&amp;treeSize=… as the controller answers it. */
    public Object inclusion(long sequence, long treeSize) {
        return controller.inclusion(sequence, treeSize);
    }

    /** GET /proofs/consistency?fromSize=…&amp;toSize=… as the controller answers it. */
    public Object consistency(long fromSize, long toSize) {
        return controller.consistency(fromSize, toSize);
    }

    /** The hashes of an answer of {@link #inclusion} or {@link #consistency}, for checking it. */
    public static Proof decoded(Object answer) {
        if (answer instanceof ProofsController.InclusionProof inclusion) {
            return new Proof(
                    decode(inclusion.leafHash()), null, decode(inclusion.rootHash()), decode(inclusion.proof()));
        }
        ProofsController.ConsistencyProof consistency = (ProofsController.ConsistencyProof) answer;
        return new Proof(
                null, decode(consistency.fromRoot()), decode(consistency.toRoot()), decode(consistency.proof()));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static List<byte[]> decode(List<String> base64) {
        return base64.stream().map(BenchProofs::decode).toList();
    }
}
