package kz.qorgau.order.approachban;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.lifecycle.ChangesAnOrder;
import kz.qorgau.order.lifecycle.ETags;
import kz.qorgau.order.platform.CanonicalUuid;
import kz.qorgau.order.platform.idempotency.IdempotencyKeys;
import kz.qorgau.order.writelimit.WriteLimited;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A court's ban on approaching: courts record and end it; police of its district read it. */
@RestController
@RequestMapping("/api/v1/approach-bans")
@Tag(name = "Bans on approaching", description = "A court's ban on approaching the victim (criminal procedure)")
class ApproachBanController {

    private static final String PATH_ID = "The ban's id (UUID).";
    private static final String AS_NOW = "The ban as it is now; its ETag in the ETag header.";

    private final ApproachBans bans;

    ApproachBanController(ApproachBans bans) {
        this.bans = bans;
    }

    @Secured(Authorities.COURT)
    @WriteLimited
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record a ban on approaching",
            description =
                    "A court clerk records the court's ban on a suspect or an accused person: the distance, the effective day and, if the court set a term, the last day; after a protective order (orderId; its district and offender) or in a criminal case (criminalCase and district). In force at once; shown in the person check. Publishes ApproachBanImposed and, for an offender who had no measure in force, RegisterEntered. Send an Idempotency-Key to make retries safe: a retry answers 201 with the first ban (as it is now) and Idempotent-Replayed; the same key with another body is a 422.",
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            description = AS_NOW,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ApproachBan.class))))
    ResponseEntity<ApproachBan> impose(
            @Valid @RequestBody ApproachBanRequest request,
            @Parameter(in = ParameterIn.HEADER, description = IdempotencyKeys.HEADER_DESCRIPTION)
                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    String idempotencyKey,
            @AuthenticationPrincipal Staff staff) {
        IdempotencyKeys.Created created = bans.impose(staff, IdempotencyKeys.parseHeader(idempotencyKey), request);
        ApproachBan ban = bans.read(staff, created.id());
        return IdempotencyKeys.createdAt(URI.create("/api/v1/approach-bans/" + created.id()), created.replayed())
                .eTag(ETags.of(ban.version()))
                .body(ban);
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR, Authorities.COURT})
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Read a ban on approaching",
            description = "Courts read every district's; officers and supervisors their own district's.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = AS_NOW,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ApproachBan.class))))
    ResponseEntity<ApproachBan> read(
            @Parameter(description = PATH_ID, schema = @Schema(type = "string", format = "uuid")) @PathVariable
                    String id,
            @AuthenticationPrincipal Staff staff) {
        ApproachBan ban = bans.read(staff, banId(id));
        return ResponseEntity.ok().eTag(ETags.of(ban.version())).body(ban);
    }

    @Secured(Authorities.COURT)
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/end",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "End a ban on approaching",
            description =
                    "The court ended the ban before its term, or it had none. Publishes ApproachBanEnded and, when nothing else of the offender is in force, RegisterExited.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = AS_NOW,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ApproachBan.class))))
    ResponseEntity<ApproachBan> end(
            @Parameter(description = PATH_ID, schema = @Schema(type = "string", format = "uuid")) @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody EndBanRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID banId = banId(id);
        bans.end(staff, banId, ifMatch, request);
        ApproachBan ban = bans.read(staff, banId);
        return ResponseEntity.status(HttpStatus.OK)
                .eTag(ETags.of(ban.version()))
                .body(ban);
    }

    private static UUID banId(String id) {
        return CanonicalUuid.parse(id).orElseThrow(ApproachBans::notFound);
    }
}
