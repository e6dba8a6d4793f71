package kz.qorgau.audit.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import kz.qorgau.audit.entry.AuditLog;
import kz.qorgau.audit.entry.StoredEntry;
import kz.qorgau.audit.subjectkey.SubjectKeys;
import kz.qorgau.kit.security.Authorities;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit trail", description = "The append-only, hash-chained record of every event")
class AuditEntriesController {

    static final int MAX_LIMIT = 1000;

    private static final String PAGE = "SELECT " + AuditLog.COLUMNS
            + " FROM audit_entry WHERE subject = ? AND sequence > ? ORDER BY sequence LIMIT ?";

    private static final String UNREADABLE_PAGE = "SELECT " + AuditLog.COLUMNS
            + " FROM audit_entry WHERE unreadable_reason IS NOT NULL AND sequence > ? ORDER BY sequence LIMIT ?";

    private final JdbcClient jdbc;
    private final SubjectKeys keys;

    AuditEntriesController(JdbcClient jdbc, SubjectKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @GetMapping("/entries")
    @Secured(Authorities.AUDITOR)
    @Operation(
            summary = "One subject's entries (an order id, or the access id of an access that concerns no single"
                    + " order)",
            description = "The entries whose subject is the one asked for, in sequence order, a page at a time."
                    + " Auditors only: entries name who accessed what.")
    @ApiResponse(responseCode = "200", description = "A page of entries (empty when the subject has none)")
    @ApiResponse(
            responseCode = "400",
            description = "subject is missing or not a UUID, or after or limit is out of range",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    AuditEntryPage entries(
            @Parameter(
                            description = "The subject: an order id, or the access id of an access that concerns"
                                    + " no single order (a UUID)",
                            required = true)
                    @RequestParam
                    UUID subject,
            @Parameter(description = "Only entries with a greater sequence number (for the next page)")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    long after,
            @Parameter(description = "At most this many entries (1 to 1000)")
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(MAX_LIMIT)
                    int limit) {
        // One more than asked, to know whether there is a next page.
        List<StoredEntry> found = jdbc.sql(PAGE)
                .params(subject.toString(), after, limit + 1)
                .query(AuditLog.ROWS)
                .list();
        return page(subject.toString(), found, limit);
    }

    @GetMapping("/unreadable")
    @Secured(Authorities.AUDITOR)
    @Operation(
            summary = "The records that could not be read as events",
            description = "Entries of records that are not readable Qorgau events (not a CloudEvent, missing or"
                    + " invalid attributes, a key that is not the subject, ...), appended raw with their key,"
                    + " headers and value, and flagged with the reason (docs/adr/0012). In sequence order, a page"
                    + " at a time. Auditors only: a raw record may hold anything.")
    @ApiResponse(responseCode = "200", description = "A page of entries (empty when there are none)")
    @ApiResponse(
            responseCode = "400",
            description = "after or limit is out of range",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    AuditEntryPage unreadable(
            @Parameter(description = "Only entries with a greater sequence number (for the next page)")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    long after,
            @Parameter(description = "At most this many entries (1 to 1000)")
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(MAX_LIMIT)
                    int limit) {
        List<StoredEntry> found = jdbc.sql(UNREADABLE_PAGE)
                .params(after, limit + 1)
                .query(AuditLog.ROWS)
                .list();
        return page(null, found, limit);
    }

    private AuditEntryPage page(String subject, List<StoredEntry> found, int limit) {
        SubjectKeys.Opener opener = keys.opener();
        boolean more = found.size() > limit;
        List<AuditEntryView> page = found.stream()
                .limit(limit)
                .map(stored -> AuditEntryView.of(stored, opener))
                .toList();
        Long nextAfter = more ? page.get(page.size() - 1).sequence() : null;
        return new AuditEntryPage(subject, page, nextAfter);
    }
}
