package kz.qorgau.audit.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems.FieldProblem;
import kz.qorgau.kit.security.Authorities;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Legal holds (docs/adr/0031): while a subject has a hold not lifted, its keys are never destroyed. Placing and
 * lifting are recorded here at once and become entries of the trail by the writer's next round.
 */
@RestController
@RequestMapping(path = "/api/v1/audit/legal-holds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Legal holds", description = "Subjects whose data must not be shredded while a case runs (docs/adr/0031)")
class LegalHoldsController {

    /** The write-limit declaration every state-changing operation makes (the security matrix checks it). */
    static final String WRITE_LIMIT = "x-qorgau-write-limit";

    static final String NOT_LIMITED = "exempt: a few auditors and supervisors, each hold an entry of the trail";

    /** A court's or an investigation's reference: no free text, so no personal data. */
    static final Pattern CASE_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./_-]{0,63}");

    private final JdbcClient jdbc;

    LegalHoldsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(description = "A legal hold on a subject")
    record HoldRequest(
            @Schema(description = "The subject: an order id, or the access or measure id that is a subject") @Nullable
                    UUID subject,
            @Schema(
                            description = "The case's reference: letters, digits and . / _ -, at most 64",
                            example = "2-1234/2026")
                    @Nullable
                    String caseReference) {}

    @Schema(
            description = "A legal hold; placedEntry and liftedEntry are the trail's entries recording it, once"
                    + " the writer recorded them")
    record HoldView(
            long id,
            String subject,
            String caseReference,
            String placedBy,
            String placedAt,
            @Nullable Long placedEntry,
            @Nullable String liftedBy,
            @Nullable String liftedAt,
            @Nullable Long liftedEntry) {

        static HoldView of(LegalHold hold) {
            return new HoldView(
                    hold.id(),
                    hold.subject(),
                    hold.caseReference(),
                    hold.placedBy(),
                    hold.placedAt().toString(),
                    hold.placedEntry(),
                    hold.liftedBy(),
                    hold.liftedAt() == null ? null : hold.liftedAt().toString(),
                    hold.liftedEntry());
        }
    }

    @Schema(description = "A subject's legal holds, the active ones and the lifted")
    record Holds(String subject, boolean held, List<HoldView> holds) {}

    @GetMapping
    @Secured({Authorities.AUDITOR, Authorities.SUPERVISOR})
    @Operation(summary = "A subject's legal holds", description = "held: whether a hold not lifted keeps its keys")
    @ApiResponse(responseCode = "200", description = "The holds (none when the subject has none)")
    @ApiResponse(
            responseCode = "400",
            description = "subject is missing or not a UUID",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    Holds holds(@Parameter(description = "The subject (a UUID)", required = true) @RequestParam UUID subject) {
        List<HoldView> holds = jdbc
                .sql("SELECT " + LegalHold.COLUMNS + " FROM audit_legal_hold WHERE subject = ?" + " ORDER BY id")
                .param(subject.toString())
                .query(LegalHold.ROWS)
                .list()
                .stream()
                .map(HoldView::of)
                .toList();
        return new Holds(subject.toString(), holds.stream().anyMatch(hold -> hold.liftedAt() == null), holds);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Secured({Authorities.AUDITOR, Authorities.SUPERVISOR})
    @Transactional
    @Operation(
            summary = "Place a legal hold on a subject",
            extensions = @Extension(properties = @ExtensionProperty(name = WRITE_LIMIT, value = NOT_LIMITED)),
            description = "From now on no key of the subject is destroyed, whatever its retention, until every hold"
                    + " on it is lifted. Recorded as an entry of the trail (kz.qorgau.audit.legal.hold.placed.v1)."
                    + " Placing the same case's hold again changes nothing.")
    @ApiResponse(responseCode = "201", description = "The hold, placed")
    @ApiResponse(responseCode = "200", description = "The hold was already placed for this case")
    @ApiResponse(
            responseCode = "400",
            description = "subject or caseReference is missing or malformed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<HoldView> place(@RequestBody HoldRequest request, Principal who) {
        String subject = validSubject(request);
        String caseReference = validCase(request);
        Optional<LegalHold> active = active(subject, caseReference);
        if (active.isPresent()) {
            return ResponseEntity.ok(HoldView.of(active.get()));
        }
        // ON CONFLICT: two requests at once place one hold.
        jdbc.sql("INSERT INTO audit_legal_hold (subject, case_reference, placed_by, placed_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (subject, case_reference) WHERE lifted_at IS NULL DO NOTHING")
                .params(subject, caseReference, who.getName(), now())
                .update();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(HoldView.of(active(subject, caseReference).orElseThrow()));
    }

    @PostMapping(path = "/lift", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Secured(Authorities.AUDITOR)
    @Transactional
    @Operation(
            summary = "Lift a legal hold",
            extensions = @Extension(properties = @ExtensionProperty(name = WRITE_LIMIT, value = NOT_LIMITED)),
            description = "The case's hold on the subject ends; once no hold is left, the subject's keys are"
                    + " destroyed when their retention ends. Recorded as an entry of the trail"
                    + " (kz.qorgau.audit.legal.hold.lifted.v1). Lifting a hold that is not active changes"
                    + " nothing. Auditors only.")
    @ApiResponse(responseCode = "200", description = "The subject's holds after the lift")
    @ApiResponse(
            responseCode = "400",
            description = "subject or caseReference is missing or malformed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    Holds lift(@RequestBody HoldRequest request, Principal who) {
        String subject = validSubject(request);
        String caseReference = validCase(request);
        // As a DELETE: lifting what is not held changes nothing.
        jdbc.sql("UPDATE audit_legal_hold SET lifted_by = ?, lifted_at = ?"
                        + " WHERE subject = ? AND case_reference = ? AND lifted_at IS NULL")
                .params(who.getName(), now(), subject, caseReference)
                .update();
        return holds(UUID.fromString(subject));
    }

    private Optional<LegalHold> active(String subject, String caseReference) {
        return jdbc.sql("SELECT " + LegalHold.COLUMNS + " FROM audit_legal_hold"
                        + " WHERE subject = ? AND case_reference = ? AND lifted_at IS NULL")
                .params(subject, caseReference)
                .query(LegalHold.ROWS)
                .optional();
    }

    private static String validSubject(HoldRequest request) {
        if (request.subject() == null) {
            throw invalid("subject", "is required: a UUID");
        }
        return request.subject().toString();
    }

    private static String validCase(HoldRequest request) {
        String reference = request.caseReference();
        if (reference == null || !CASE_REFERENCE.matcher(reference).matches()) {
            throw invalid(
                    "caseReference", "must be 1 to 64 letters, digits and . / _ -, starting with a letter or digit");
        }
        return reference;
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
