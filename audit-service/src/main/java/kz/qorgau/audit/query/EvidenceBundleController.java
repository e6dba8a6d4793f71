package kz.qorgau.audit.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import kz.qorgau.audit.checkpoint.CheckpointLog;
import kz.qorgau.audit.checkpoint.StoredCheckpoint;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.subjectkey.SubjectKeys;
import kz.qorgau.audit.tree.StoredTree;
import kz.qorgau.auditlog.MerkleTree;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems.FieldProblem;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence bundle of one order (docs/adr/0027): its entries up to the newest signed checkpoint, the
 * inclusion proof of each against it, and the checkpoint. The offline verifier checks it alone.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Verifiable log", description = "Signed checkpoints of the trail and proofs against them (docs/adr/0023)")
class EvidenceBundleController {

    /** Why the payloads are wanted: required with them, recorded in the trail with who asked (docs/adr/0040). */
    static final String PURPOSE_HEADER = "Qorgau-Purpose";

    /** An order has tens of events; a subject with more is refused rather than held in memory. */
    static final int MAX_ENTRIES = 10_000;

    static final int MAX_PURPOSE_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(EvidenceBundleController.class);

    private static final String ENTRIES = "SELECT " + AuditLog.COLUMNS
            + " FROM audit_entry WHERE subject = ? AND sequence <= ? ORDER BY sequence LIMIT ?";

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final SubjectKeys keys;
    private final PayloadDisclosures disclosures;

    EvidenceBundleController(JdbcClient jdbc, MeterRegistry meters, SubjectKeys keys, PayloadDisclosures disclosures) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.meters = meters;
        this.disclosures = disclosures;
    }

    @Schema(description = "One entry of the bundle and its inclusion proof against the bundle's checkpoint")
    record BundledEntry(
            AuditEntryView entry,
            @Schema(description = "Base64 sibling hashes from the entry's leaf (index sequence - 1) up")
                    List<String> inclusionProof) {}

    @Schema(description = "An order's entries, each proven against one signed checkpoint (docs/adr/0027)")
    record EvidenceBundle(
            @Schema(description = "The CloudEvents subject: the order id") String subject,
            @Schema(description = "Whether the entries carry their payloads") boolean payloadsIncluded,
            @Schema(description = "The signed checkpoint (C2SP signed note) the proofs lead to") String checkpoint,
            @Schema(description = "Its tree size: every entry of the subject up to it is in the bundle") long treeSize,
            List<BundledEntry> entries,
            @Schema(
                            description = "With payloads: the keys, base64, that open the bundle's encrypted payloads"
                                    + " (storedPayload), by name; they open this subject's payloads only"
                                    + " (docs/adr/0031)")
                    @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Nullable
                    Map<String, String> payloadKeys) {}

    @GetMapping("/bundle")
    @Secured(Authorities.AUDITOR)
    @Operation(
            summary = "The evidence bundle of one order",
            description = "Every entry of the subject up to the newest signed checkpoint, the inclusion proof of"
                    + " each against it, and the checkpoint: the offline verifier (--bundle) checks it alone."
                    + " Payloads are left out unless payloads=true, which needs the Qorgau-Purpose header; the"
                    + " leaves verify from the payloads' digests. A bundle with payloads is recorded before it is"
                    + " given, and becomes an entry of the subject's trail (kz.qorgau.audit.bundle.payloads"
                    + ".disclosed.v1: who, their roles, when, the purpose, how many payloads); the purpose is kept"
                    + " in clear and never shredded, so it names a case and a legal basis, never a person.")
    @ApiResponse(responseCode = "200", description = "The bundle")
    @ApiResponse(responseCode = "204", description = "No checkpoint is signed yet: there is nothing to prove against")
    @ApiResponse(
            responseCode = "400",
            description = "subject is not a UUID, or payloads without a purpose",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "The disclosure could not be recorded: no payloads are given",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<EvidenceBundle> bundle(
            @Parameter(description = "The order id (CloudEvents subject)", required = true) @RequestParam UUID subject,
            @Parameter(description = "Include the payloads (the records' values)") @RequestParam(defaultValue = "false")
                    boolean payloads,
            @Parameter(description = "Why the payloads are needed: required with payloads=true")
                    @RequestHeader(name = PURPOSE_HEADER, required = false)
                    @Nullable
                    String purpose,
            @AuthenticationPrincipal Staff auditor) {
        if (payloads) {
            requirePurpose(purpose);
        }
        Optional<StoredCheckpoint> latest = CheckpointLog.latest(jdbc);
        if (latest.isEmpty()) {
            return ResponseEntity.noContent().build(); // as /checkpoints/latest: nothing signed to prove against
        }
        StoredCheckpoint checkpoint = latest.get();
        long size = checkpoint.treeSize();
        List<StoredEntry> found = jdbc.sql(ENTRIES)
                .params(subject.toString(), size, MAX_ENTRIES + 1)
                .query(AuditLog.ROWS)
                .list();
        if (found.size() > MAX_ENTRIES) {
            throw invalid("subject", "has more than " + MAX_ENTRIES + " entries: export the trail instead");
        }
        StoredTree tree = new StoredTree(jdbc);
        SubjectKeys.Opener opener = keys.opener();
        Map<String, String> payloadKeys = new TreeMap<>();
        List<BundledEntry> entries = new ArrayList<>(found.size());
        for (StoredEntry stored : found) {
            byte[] storedPayload = null;
            SubjectKeys.Opened opened = opener.open(stored.entry());
            if (payloads && stored.entry().payloadKey() != null && opened.subjectKey() != null) {
                // The verifier opens the stored bytes itself: the payload is then tied to its leaf.
                storedPayload = stored.entry().payload();
                payloadKeys.put(stored.entry().payloadKey(), Base64.getEncoder().encodeToString(opened.subjectKey()));
            }
            entries.add(new BundledEntry(
                    AuditEntryView.of(stored, opener).bundled(payloads, storedPayload),
                    MerkleTree.inclusionProof(stored.sequence() - 1, size, tree).stream()
                            .map(hash -> Base64.getEncoder().encodeToString(hash))
                            .toList()));
        }
        if (payloads) {
            int disclosed = (int) entries.stream()
                    .map(BundledEntry::entry)
                    .filter(entry -> entry.hasPayload() && (entry.payload() != null || entry.storedPayload() != null))
                    .count();
            // Recorded before the payloads leave; if it cannot be, the request fails (503) and gives none.
            disclosures.record(
                    subject.toString(), auditor.subject(), auditor.roleNames(), purpose, found.size(), disclosed, size);
            meters.counter("audit.bundle.payload.disclosures").increment();
            log.info(
                    "Evidence bundle of {} with {} payloads ({} entries) disclosed to {} for: {}",
                    subject,
                    disclosed,
                    found.size(),
                    auditor.subject(),
                    purpose);
        }
        return ResponseEntity.ok(new EvidenceBundle(
                subject.toString(),
                payloads,
                checkpoint.signedNote(),
                size,
                entries,
                payloadKeys.isEmpty() ? null : payloadKeys));
    }

    /** A purpose goes into a log line: one line of printable text, bounded. */
    private static void requirePurpose(@Nullable String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw invalid(PURPOSE_HEADER, "payloads are disclosed only for a stated purpose");
        }
        if (purpose.length() > MAX_PURPOSE_LENGTH || purpose.chars().anyMatch(Character::isISOControl)) {
            throw invalid(PURPOSE_HEADER, "must be one line of at most " + MAX_PURPOSE_LENGTH + " characters");
        }
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }
}
