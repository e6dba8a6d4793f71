package kz.qorgau.audit.checkpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Base64;
import java.util.List;
import kz.qorgau.auditlog.NoteSigner;
import kz.qorgau.kit.security.Authorities;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed checkpoints, and the key that verifies them: integrity data only, no personal data. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Verifiable log", description = "Signed checkpoints of the trail and proofs against them (docs/adr/0023)")
class CheckpointsController {

    static final int MAX_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final NoteSigner signer;

    CheckpointsController(JdbcClient jdbc, NoteSigner checkpointSigner) {
        this.jdbc = jdbc;
        this.signer = checkpointSigner;
    }

    @Schema(description = "A signed checkpoint of the trail (c2sp.org/tlog-checkpoint)")
    record CheckpointView(
            @Schema(description = "The checkpoint's number, from 1") long id,
            @Schema(description = "The log's name, the note's first line") String origin,
            @Schema(description = "Entries it commits to: entries 1 to treeSize") long treeSize,
            @Schema(description = "Base64 RFC 6962 root hash of those entries' leaves") String rootHash,
            @Schema(description = "The signing key's name") String keyName,
            @Schema(description = "The signing key's id, 8 hex digits (c2sp.org/signed-note)") String keyId,
            @Schema(description = "The signed note, verifiable on its own with the verifier key") String signedNote,
            @Schema(description = "When it was signed, UTC") String signedAt) {

        static CheckpointView of(StoredCheckpoint stored) {
            return new CheckpointView(
                    stored.id(),
                    stored.checkpoint().origin(),
                    stored.treeSize(),
                    Base64.getEncoder().encodeToString(stored.checkpoint().root()),
                    stored.keyName(),
                    stored.keyId(),
                    stored.signedNote(),
                    stored.signedAt().toString());
        }
    }

    @Schema(description = "A page of checkpoints, oldest first")
    record CheckpointPage(
            List<CheckpointView> checkpoints,
            @Schema(description = "Pass as 'after' for the next page; null on the last page") @Nullable
                    Long nextAfter) {}

    @Schema(description = "The key that signs this service's new checkpoints")
    record SigningKey(
            @Schema(description = "Verifier key: <name>+<key id>+base64(0x01 ‖ Ed25519 public key)") String verifierKey,
            @Schema(description = "The key's name") String keyName,
            @Schema(description = "The key's id, 8 hex digits") String keyId) {}

    @GetMapping("/checkpoints")
    @Secured({Authorities.AUDITOR, Authorities.OPERATOR})
    @Operation(
            summary = "The signed checkpoints",
            description = "Every checkpoint the service signed, oldest first, a page at a time. Each is also on the"
                    + " checkpoint topic; keep copies outside the audit database.")
    @ApiResponse(responseCode = "200", description = "A page of checkpoints")
    @ApiResponse(responseCode = "400", description = "after or limit is out of range")
    CheckpointPage checkpoints(
            @Parameter(description = "Only checkpoints with a greater id (for the next page)")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    long after,
            @Parameter(description = "At most this many (1 to 1000)")
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(MAX_LIMIT)
                    int limit) {
        List<StoredCheckpoint> found = CheckpointLog.page(jdbc, after, limit + 1);
        List<CheckpointView> page =
                found.stream().limit(limit).map(CheckpointView::of).toList();
        return new CheckpointPage(
                page, found.size() > limit ? page.get(page.size() - 1).id() : null);
    }

    @GetMapping("/checkpoints/latest")
    @Secured({Authorities.AUDITOR, Authorities.OPERATOR})
    @Operation(summary = "The newest signed checkpoint", description = "Empty (204) until the first is signed.")
    @ApiResponse(responseCode = "200", description = "The newest checkpoint")
    @ApiResponse(responseCode = "204", description = "No checkpoint yet")
    ResponseEntity<CheckpointView> latest() {
        return CheckpointLog.latest(jdbc)
                .map(CheckpointView::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/checkpoints/signing-key")
    @Secured({Authorities.AUDITOR, Authorities.OPERATOR})
    @Operation(
            summary = "The key that signs new checkpoints",
            description = "Its verifier key. Checkpoints signed before a rotation name their own key: verify them"
                    + " with the verifier key kept from then.")
    @ApiResponse(responseCode = "200", description = "The verifier key")
    SigningKey signingKey() {
        return new SigningKey(signer.verifierKey(), signer.name(), signer.keyIdHex());
    }
}
