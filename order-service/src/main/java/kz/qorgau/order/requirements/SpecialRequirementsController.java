package kz.qorgau.order.requirements;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A court's special requirements for an offender's behaviour: courts impose and extend them, police of
 * the district record the reporting schedule and the visits. Every change but the imposition needs
 * their ETag in If-Match.
 */
@RestController
@RequestMapping("/api/v1/special-requirements")
@Tag(name = "Special requirements", description = "A court's special requirements for an offender's behaviour")
class SpecialRequirementsController {

    private static final String PATH_ID = "The special requirements' id (UUID).";
    private static final String AS_NOW = "The special requirements as they are now; their ETag in the ETag header.";

    private final SpecialRequirementsRecords records;

    SpecialRequirementsController(SpecialRequirementsRecords records) {
        this.records = records;
    }

    @Secured(Authorities.COURT)
    @WriteLimited
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Impose special requirements",
            description =
                    "A court clerk enters the court's decision: the offender (IIN), the bans, the effective day and the term (3 to 12 months by default, configuration), after a protective order (orderId; its district and offender) or an administrative case (administrativeCase and district). In force from the start of the effective day in Asia/Almaty until the end of the term. Publishes SpecialRequirementsImposed and, when in force for an offender who had no measure in force, RegisterEntered. Send an Idempotency-Key to make retries safe: a retry answers 201 with the first requirements (as they are now) and Idempotent-Replayed; the same key with another body is a 422.",
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            description = AS_NOW,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = RequirementsRepresentation.class))))
    ResponseEntity<RequirementsRepresentation> impose(
            @Valid @RequestBody ImposeRequest request,
            @Parameter(in = ParameterIn.HEADER, description = IdempotencyKeys.HEADER_DESCRIPTION)
                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    String idempotencyKey,
            @AuthenticationPrincipal Staff staff) {
        IdempotencyKeys.Created created = records.impose(staff, IdempotencyKeys.parseHeader(idempotencyKey), request);
        SpecialRequirements requirements = records.read(staff, created.id());
        return IdempotencyKeys.createdAt(URI.create("/api/v1/special-requirements/" + created.id()), created.replayed())
                .eTag(ETags.of(requirements.version()))
                .body(RequirementsRepresentation.of(requirements));
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR, Authorities.COURT})
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Read special requirements",
            description = "Courts read every district's; officers and supervisors their own district's.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = AS_NOW,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = RequirementsRepresentation.class))))
    ResponseEntity<RequirementsRepresentation> read(
            @Parameter(description = PATH_ID, schema = @Schema(type = "string", format = "uuid")) @PathVariable
                    String id,
            @AuthenticationPrincipal Staff staff) {
        return answer(HttpStatus.OK, staff, requirementsId(id));
    }

    @Secured(Authorities.COURT)
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/extensions",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Extend special requirements",
            description =
                    "A court's extension, the whole term within the configured maximum from the effective day (12 months by default). Publishes SpecialRequirementsExtended.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = AS_NOW,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = RequirementsRepresentation.class))))
    ResponseEntity<RequirementsRepresentation> extend(
            @Parameter(description = PATH_ID, schema = @Schema(type = "string", format = "uuid")) @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ExtendRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID requirementsId = requirementsId(id);
        records.extend(staff, requirementsId, ifMatch, request);
        return answer(HttpStatus.OK, staff, requirementsId);
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @ChangesAnOrder
    @PutMapping(
            path = "/{id}/reporting-schedule",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record the reporting schedule",
            description =
                    "The days the offender reports to the police, 1 to 4 a month (configuration): named dates, or a weekday and its weeks of the month (\"first and third Monday\"). Replaces the schedule before; a scheduled day without a visit is published as ReportingVisitMissed the day after, in Asia/Almaty. Officers and supervisors of the district.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = AS_NOW,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = RequirementsRepresentation.class))))
    ResponseEntity<RequirementsRepresentation> schedule(
            @Parameter(description = PATH_ID, schema = @Schema(type = "string", format = "uuid")) @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReportingSchedule schedule,
            @AuthenticationPrincipal Staff staff) {
        UUID requirementsId = requirementsId(id);
        records.schedule(staff, requirementsId, ifMatch, schedule);
        return answer(HttpStatus.OK, staff, requirementsId);
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = "/{id}/reporting-visits",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record a reporting visit",
            description =
                    "The offender reported to the police while the requirements are in force. Officers and supervisors of the district. Publishes ReportingVisitRecorded.",
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            description = "Recorded; the requirements' new ETag in the ETag header.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = VisitRepresentation.class))))
    ResponseEntity<VisitRepresentation> visit(
            @Parameter(description = PATH_ID, schema = @Schema(type = "string", format = "uuid")) @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody VisitRequest request,
            @AuthenticationPrincipal Staff staff) {
        UUID requirementsId = requirementsId(id);
        VisitRepresentation visit = records.visit(staff, requirementsId, ifMatch, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.of(records.read(staff, requirementsId).version()))
                .body(visit);
    }

    private ResponseEntity<RequirementsRepresentation> answer(HttpStatus status, Staff staff, UUID id) {
        SpecialRequirements requirements = records.read(staff, id);
        return ResponseEntity.status(status)
                .eTag(ETags.of(requirements.version()))
                .body(RequirementsRepresentation.of(requirements));
    }

    private static UUID requirementsId(String id) {
        return CanonicalUuid.parse(id).orElseThrow(SpecialRequirementsRecords::notFound);
    }
}
