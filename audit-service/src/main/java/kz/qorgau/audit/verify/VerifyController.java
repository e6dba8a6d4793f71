package kz.qorgau.audit.verify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qorgau.kit.security.Authorities;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit trail", description = "The append-only, hash-chained record of every event")
class VerifyController {

    private final AuditVerifier verifier;

    VerifyController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/verify/full")
    @Secured({Authorities.AUDITOR, Authorities.OPERATOR})
    @Operation(
            summary = "Verify the whole trail from entry 1",
            description = "Starts the full verification, or joins the one running (there is never more than one),"
                    + " and waits up to qorgau.audit.verify.full-wait for it: answers its result when done, else"
                    + " its progress; ask again to follow it. Gauge audit_verify_full_progress follows it too.")
    @ApiResponse(responseCode = "200", description = "The full verification: running with its progress, or done")
    @ApiResponse(
            responseCode = "503",
            description = "The audit database cannot be reached",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    AuditVerifier.FullVerification full() {
        return verifier.fullVerification();
    }

    @GetMapping("/verify")
    // Integrity only (sizes, hashes, the first bad sequence): no personal data, so operators may check it too.
    @Secured({Authorities.AUDITOR, Authorities.OPERATOR})
    @Operation(
            summary = "Verify the trail from where the last verification ended",
            description = "Recomputes the leaf hash of every entry appended since the last verification that found"
                    + " the trail intact (verifiedFrom), from its stored fields, the hash chain from the leaves,"
                    + " and holds them to every checkpoint signed since (its root at its size, its signature), up"
                    + " to the current head: it answers at once. The first call after a start joins the full"
                    + " verification (GET /verify/full), which rewrites nothing and re-hashes from entry 1. Answers"
                    + " intact with the size and the head hash, or the first entry that does not check and why."
                    + " Either way the status is 200: the answer is the result.")
    @ApiResponse(responseCode = "200", description = "The verification result")
    @ApiResponse(
            responseCode = "503",
            description = "The audit database cannot be reached",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    Verification verify() {
        return verifier.verify();
    }
}
