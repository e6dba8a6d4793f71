package kz.qorgau.audit.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.subjectkey.SubjectKeys;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems.FieldProblem;
import kz.qorgau.kit.security.Authorities;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trail as JSON lines, for the offline verifier (docs/adr/0023): one entry per line, as the entries
 * API shows it, from entry 1 (or after {@code after}) to {@code treeSize}, read in chunks.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail", description = "The append-only, hash-chained record of every event")
class AuditExportController {

    /** JSON lines. */
    static final String NDJSON = "application/x-ndjson";

    private static final int CHUNK = 1000;

    private static final String CHUNK_QUERY = "SELECT " + AuditLog.COLUMNS
            + " FROM audit_entry WHERE sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ?";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SubjectKeys keys;

    AuditExportController(JdbcClient jdbc, JsonMapper json, SubjectKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
    }

    // No "produces": the body is written as JSON lines whatever the client accepts, and refusals stay problems.
    @GetMapping("/export")
    @Secured(Authorities.AUDITOR)
    @Operation(
            summary = "Export the trail as JSON lines",
            description = "Every entry from after + 1 to treeSize (by default the whole trail), one JSON object a"
                    + " line, in sequence order, each as GET /entries shows it. With signed checkpoints and the"
                    + " verifier key, the offline verifier checks it without the service. Auditors only: entries"
                    + " name who accessed what.")
    @ApiResponse(
            responseCode = "200",
            description = "The entries, one JSON object a line",
            content = @Content(mediaType = NDJSON))
    @ApiResponse(
            responseCode = "400",
            description = "after or treeSize is out of range",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "Only entries with a greater sequence number")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    long after,
            @Parameter(description = "The last entry: a checkpoint's tree size; the trail's size when absent")
                    @RequestParam(required = false)
                    @Min(1)
                    @Nullable
                    Long treeSize) {
        long head = AuditLog.head(jdbc).size();
        long last = treeSize == null ? head : treeSize;
        if (last > head) {
            throw new InvalidRequestException(
                    List.of(new FieldProblem("treeSize", "must not be greater than the trail's size")));
        }
        StreamingResponseBody body = output -> write(output, after, last);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }

    private void write(OutputStream output, long after, long last) throws IOException {
        long from = after;
        while (from < last) {
            // A fresh opener per chunk: keys are held for one chunk's entries only.
            SubjectKeys.Opener opener = keys.opener();
            List<StoredEntry> chunk = jdbc.sql(CHUNK_QUERY)
                    .params(from, last, CHUNK)
                    .query(AuditLog.ROWS)
                    .list();
            if (chunk.isEmpty()) {
                return;
            }
            for (StoredEntry entry : chunk) {
                output.write(json.writeValueAsBytes(AuditEntryView.of(entry, opener)));
                output.write('\n');
            }
            from = chunk.get(chunk.size() - 1).sequence();
        }
        output.flush();
    }
}
