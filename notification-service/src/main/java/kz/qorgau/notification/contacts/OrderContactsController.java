package kz.qorgau.notification.contacts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.notification.platform.PublicPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether the victim's contacts of an order are verified and opted in (docs/adr/0030), for a supervisor of the
 * order's district: channel, language and state, never an address (read in order-service, with a purpose).
 */
@RestController
@RequestMapping("/api/v1/orders")
class OrderContactsController {

    static final URI CONTACTS_NOT_FOUND = URI.create("urn:qorgau:problem:contacts-not-found");

    private final VictimContactsLedger ledger;

    OrderContactsController(VictimContactsLedger ledger) {
        this.ledger = ledger;
    }

    @Secured(Authorities.SUPERVISOR)
    @GetMapping(path = "/{id}/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Where the victim's contacts of an order stand",
            description = "A supervisor of the order's district sees each contact's channel, language, verification"
                    + " and opt-in state. Never an address.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The contacts, most preferred first (replaced ones too).",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        array = @ArraySchema(schema = @Schema(implementation = ContactView.class)))),
                @ApiResponse(
                        responseCode = "404",
                        description = "No contacts of an order with this id that you may read (also for an id that"
                                + " is not a UUID, and for another district's order).",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class)))
            })
    List<ContactView> contacts(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @AuthenticationPrincipal Staff staff) {
        List<VictimContactsLedger.Row> rows =
                PublicPages.canonicalUuid(id).map(ledger::ofOrder).orElse(List.of());
        // The district is on the contacts: another district's order is as unknown as a missing one.
        if (rows.isEmpty() || !rows.stream().allMatch(row -> staff.worksIn(row.district()))) {
            throw notFound();
        }
        return rows.stream()
                .map(row -> new ContactView(
                        row.id().toString(),
                        row.channel().name(),
                        row.language(),
                        row.state().name(),
                        row.state() != ContactState.NOT_OPTED_IN && row.state() != ContactState.OPTED_OUT,
                        row.wrongCodes(),
                        row.verifiedAt(),
                        row.optedOutAt(),
                        row.optedOutVia()))
                .toList();
    }

    private static ErrorResponseException notFound() {
        return Problems.error(
                HttpStatus.NOT_FOUND,
                CONTACTS_NOT_FOUND,
                "Contacts not found",
                "There are no victim contacts of an order with this id that you may read.");
    }
}
