package kz.qorgau.order.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.Measure;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.lifecycle.ChangesAnOrder;
import kz.qorgau.order.lifecycle.ETags;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.platform.CanonicalUuid;
import kz.qorgau.order.writelimit.WriteLimited;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Links the offender of a protective order, special requirements or a ban on approaching, recorded without an
 * IIN, to the IIN they turned out to have (docs/adr/0035): police of the measure's district, If-Match, and the
 * IIN in the body.
 */
@RestController
@Tag(
        name = "People without an IIN",
        description = "Linking a person recorded by a document, or unidentified, to an IIN")
class PersonIdentificationController {

    static final String SUFFIX = "/offender-identification";
    static final String ORDER = "/api/v1/orders/{id}" + SUFFIX;
    static final String REQUIREMENTS = "/api/v1/special-requirements/{id}" + SUFFIX;
    static final String APPROACH_BAN = "/api/v1/approach-bans/{id}" + SUFFIX;
    static final String PROTECTED_PERSON = "/api/v1/orders/{id}/protected-person-identification";

    /** Which measure each path names. */
    private static final Map<String, Measure> MEASURES = Map.of(
            ORDER, Measure.PROTECTIVE_ORDER,
            REQUIREMENTS, Measure.SPECIAL_REQUIREMENTS,
            APPROACH_BAN, Measure.APPROACH_BAN);

    private static final String DESCRIPTION =
            """
            An officer or supervisor of the measure's district links its offender, recorded by an identity \
            document or as unidentified, to an IIN. Every record of the same document (any measure, any \
            district) is linked with it; each publishes PersonIdentified, with no personal data. From then on \
            the person check finds the person by the IIN or by the document. The same IIN again changes \
            nothing (200, recordsLinked 0); another IIN is refused (409).""";
    private static final String PATH_ID = "The measure's id (UUID).";
    private static final String ANSWER = "Linked; the measure's new ETag in the ETag header.";

    private static final String PROTECTED_DESCRIPTION =
            """
            An officer or supervisor of the order's district links its victim, or another person it protects, \
            recorded by an identity document, to an IIN (docs/adr/0039). Every order naming the person by that \
            document (any district) is linked with it; each publishes PersonIdentified (person VICTIM or \
            PROTECTED_PERSON), with no personal data. From then on the person check and the person's history find \
            them by the IIN or by the document. The same IIN again changes nothing (200, recordsLinked 0); another \
            IIN is refused (409); a document the order names nobody by is 404.""";

    private final PersonIdentification identification;
    private final ProtectedPersonIdentification protectedPersons;

    PersonIdentificationController(
            PersonIdentification identification, ProtectedPersonIdentification protectedPersons) {
        this.identification = identification;
        this.protectedPersons = protectedPersons;
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = PROTECTED_PERSON,
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Link the victim or another protected person of an order, recorded by a document, to an IIN",
            description = PROTECTED_DESCRIPTION,
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = ANSWER,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = Identified.class))))
    ResponseEntity<Identified> identifyProtected(
            @Parameter(description = PATH_ID, schema = @Schema(type = "string", format = "uuid")) @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProtectedPersonIdentifyRequest request,
            @AuthenticationPrincipal Staff staff) {
        List<Problems.FieldProblem> problems = request.document().problems("document");
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        UUID orderId = CanonicalUuid.parse(id).orElseThrow(OrderChanges::notFound);
        return answer(protectedPersons.identify(staff, orderId, ifMatch, request.document(), request.iin()));
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @WriteLimited
    @ChangesAnOrder
    @PostMapping(
            path = {ORDER, REQUIREMENTS, APPROACH_BAN},
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Link the offender of a protective order, special requirements or a ban on approaching to an IIN",
            description = DESCRIPTION,
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = ANSWER,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = Identified.class))))
    ResponseEntity<Identified> identify(
            @Parameter(description = PATH_ID, schema = @Schema(type = "string", format = "uuid")) @PathVariable
                    String id,
            @Parameter(hidden = true) @RequestHeader(name = ETags.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody IdentifyRequest request,
            @AuthenticationPrincipal Staff staff,
            HttpServletRequest http) {
        Measure measure = MEASURES.get((String) http.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        UUID measureId = CanonicalUuid.parse(id).orElseThrow(() -> PersonIdentification.notFound(measure));
        return answer(identification.identify(staff, measure, measureId, ifMatch, request.iin()));
    }

    private static ResponseEntity<Identified> answer(Identified identified) {
        return ResponseEntity.ok().eTag(ETags.of(identified.version())).body(identified);
    }
}
