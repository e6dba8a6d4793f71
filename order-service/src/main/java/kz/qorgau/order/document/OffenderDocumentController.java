package kz.qorgau.order.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.platform.CanonicalUuid;
import kz.qorgau.order.writelimit.WriteLimited;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/v1/orders/{id}/documents}: a new printed copy of the document the officer hands to
 * the offender, as a PDF. Each copy has its own verification code, so a copy is a new resource (201).
 */
@RestController
@Tag(name = "Offender's document", description = "The document handed to the offender, and its verification")
class OffenderDocumentController {

    static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final OffenderDocuments documents;
    private final DocumentProperties properties;

    OffenderDocumentController(OffenderDocuments documents, DocumentProperties properties) {
        this.documents = documents;
        this.properties = properties;
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @PostMapping(path = "/api/v1/orders/{id}/documents", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "Print the document handed to the offender",
            description =
                    """
                    One A4 page in Kazakh and Russian: what is forbidden, the term, the legal basis, the unit \
                    to call, and a verification code (also as a QR code) that anyone can check without a \
                    token. Never an address or contact of the victim or the protected persons. Officers and \
                    supervisors of the order's district, for an order issued or in force.""",
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "The document.",
                        content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE)),
                @ApiResponse(
                        responseCode = "404",
                        description = "No order with this id that you may read in your district.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "409",
                        description = "The order has ended (expired, revoked or voided).",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class)))
            })
    ResponseEntity<byte[]> print(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @AuthenticationPrincipal Staff staff) {
        byte[] pdf = CanonicalUuid.parse(id)
                .flatMap(uuid -> documents.print(staff, uuid, verificationPage()))
                .orElseThrow(OrderChanges::notFound);
        return ResponseEntity.status(HttpStatus.CREATED)
                .contentType(PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("protective-order.pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    private URI verificationPage() {
        return properties.verificationPage() != null
                ? properties.verificationPage()
                : ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path(DocumentSecurity.VERIFICATION_PAGE)
                        .build()
                        .toUri();
    }
}
