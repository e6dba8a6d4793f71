package kz.qorgau.order.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.PublicEndpoint;
import kz.qorgau.order.writelimit.NotWriteLimited;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/document-verifications}: anyone holding an offender's document (the offender, a
 * landlord, a court, an officer of another region) checks that it is genuine and in force, without a
 * token. The answer says nothing more, for any code.
 */
@RestController
@Tag(name = "Offender's document", description = "The document handed to the offender, and its verification")
class DocumentVerificationController {

    static final String PATH = "/api/v1/document-verifications";
    static final URI TOO_MANY_VERIFICATIONS = URI.create("urn:qorgau:problem:too-many-verifications");
    static final URI NOT_A_CODE = URI.create("urn:qorgau:problem:not-a-verification-code");

    private final OffenderDocuments documents;
    private final VerificationLimits limits;

    DocumentVerificationController(OffenderDocuments documents, VerificationLimits limits) {
        this.documents = documents;
        this.limits = limits;
    }

    @PublicEndpoint("whoever holds a printed document checks it; the code is the only key")
    @NotWriteLimited("writes nothing; limited per client address by VerificationLimits instead")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(
            summary = "Check an offender's document (public, no token)",
            description =
                    """
                    Whether the code printed on a document is one Qorgau printed (genuine) and whether its \
                    order is in force now. Nothing else about the order is revealed. Limited per client \
                    address: 429 with Retry-After beyond it.""",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The answer, for any well-formed code.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = OffenderDocuments.Verification.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "Not a verification code.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "429",
                        description = "Too many verifications from this address; try again after Retry-After.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class)))
            })
    OffenderDocuments.Verification verify(
            @Valid @RequestBody DocumentVerificationRequest request, HttpServletRequest http) {
        if (!limits.tryVerify(http.getRemoteAddr())) {
            ErrorResponseException refusal = Problems.error(
                    HttpStatus.TOO_MANY_REQUESTS,
                    TOO_MANY_VERIFICATIONS,
                    "Too many verifications",
                    "Too many verifications from this address; try again in a minute.");
            refusal.getHeaders()
                    .set(
                            HttpHeaders.RETRY_AFTER,
                            Long.toString(Duration.ofMinutes(1).toSeconds()));
            throw refusal;
        }
        return VerificationCode.parse(request.code())
                .map(documents::verify)
                .orElseThrow(() -> Problems.error(
                        HttpStatus.BAD_REQUEST,
                        NOT_A_CODE,
                        "Not a verification code",
                        "A verification code is 24 letters A-Z and digits 2-7, as printed under the QR code."));
    }
}
