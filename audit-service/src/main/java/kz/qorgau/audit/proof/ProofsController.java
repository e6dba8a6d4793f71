package kz.qorgau.audit.proof;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.auditlog.MerkleTree;
import kz.qorgau.auditlog.NodeId;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems.FieldProblem;
import kz.qorgau.kit.security.Authorities;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inclusion and consistency proofs of the trail's Merkle tree (RFC 6962), for any tree size up to the
 * head: an auditor checks them against signed checkpoints of those sizes. Each reads O(log n) rows.
 */
@RestController
@RequestMapping(path = "/api/v1/audit/proofs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Verifiable log", description = "Signed checkpoints of the trail and proofs against them (docs/adr/0023)")
class ProofsController {

    private final JdbcClient jdbc;

    ProofsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(description = "That an entry is in the tree of treeSize entries (RFC 6962 §2.1.1 audit path)")
    record InclusionProof(
            @Schema(description = "The entry's sequence number; its leaf index is sequence - 1") long sequence,
            @Schema(description = "The tree the proof is for: entries 1 to treeSize") long treeSize,
            @Schema(description = "Base64 leaf hash of the entry, as stored") String leafHash,
            @Schema(
                            description = "Base64 root of that tree, as the service computes it: check it against a"
                                    + " signed checkpoint of the same size")
                    String rootHash,
            @Schema(description = "Base64 sibling hashes, from the leaf up") List<String> proof) {}

    @Schema(description = "That the tree of fromSize entries is a prefix of the tree of toSize (RFC 6962 §2.1.2)")
    record ConsistencyProof(
            long fromSize,
            long toSize,
            @Schema(description = "Base64 root of the first tree") String fromRoot,
            @Schema(description = "Base64 root of the second tree") String toRoot,
            @Schema(description = "Base64 hashes of the proof; empty when the sizes are equal") List<String> proof) {}

    @GetMapping("/inclusion")
    @Secured(Authorities.AUDITOR)
    @Operation(
            summary = "An inclusion proof of one entry",
            description = "The audit path of entry sequence in the tree of the first treeSize entries (by default"
                    + " the whole trail). Take treeSize from a signed checkpoint and check the proof against its"
                    + " root.")
    @ApiResponse(responseCode = "200", description = "The proof")
    @ApiResponse(
            responseCode = "400",
            description = "sequence or treeSize is out of range",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    InclusionProof inclusion(
            @Parameter(description = "The entry's sequence number", required = true) @RequestParam @Min(1)
                    long sequence,
            @Parameter(description = "The tree's size (a checkpoint's); the current size when absent")
                    @RequestParam(required = false)
                    @Min(1)
                    @Nullable
                    Long treeSize) {
        long size = sizeWithin(treeSize, "treeSize");
        if (sequence > size) {
            throw invalid("sequence", "must not be greater than the tree size");
        }
        StoredTree tree = new StoredTree(jdbc);
        List<byte[]> proof = MerkleTree.inclusionProof(sequence - 1, size, tree);
        byte[] leaf = tree.read(Set.of(new NodeId(0, sequence - 1)))
                .values()
                .iterator()
                .next();
        return new InclusionProof(sequence, size, base64(leaf), base64(tree.root(size)), base64(proof));
    }

    @GetMapping("/consistency")
    @Secured(Authorities.AUDITOR)
    @Operation(
            summary = "A consistency proof between two tree sizes",
            description = "That the trail of fromSize entries is a prefix of the trail of toSize entries (by default"
                    + " the whole trail): nothing removed or rewritten in between. Take both sizes from signed"
                    + " checkpoints and check the proof against their roots.")
    @ApiResponse(responseCode = "200", description = "The proof")
    @ApiResponse(
            responseCode = "400",
            description = "fromSize or toSize is out of range",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    ConsistencyProof consistency(
            @Parameter(description = "The first tree's size", required = true) @RequestParam @Min(1) long fromSize,
            @Parameter(description = "The second tree's size; the current size when absent")
                    @RequestParam(required = false)
                    @Min(1)
                    @Nullable
                    Long toSize) {
        long to = sizeWithin(toSize, "toSize");
        if (fromSize > to) {
            throw invalid("fromSize", "must not be greater than toSize");
        }
        StoredTree tree = new StoredTree(jdbc);
        return new ConsistencyProof(
                fromSize,
                to,
                base64(tree.root(fromSize)),
                base64(tree.root(to)),
                base64(MerkleTree.consistencyProof(fromSize, to, tree)));
    }

    /** {@code requested}, or the trail's size; never beyond it. */
    private long sizeWithin(@Nullable Long requested, String parameter) {
        long head = AuditLog.head(jdbc).size();
        if (requested == null) {
            if (head == 0) {
                throw invalid(parameter, "the trail is empty: there is nothing to prove");
            }
            return head;
        }
        if (requested > head) {
            throw invalid(parameter, "must not be greater than the trail's size");
        }
        return requested;
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(ProofsController::base64).toList();
    }
}
