package kz.qorgau.notification.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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

/** Notice status by order, for officers and supervisors of the order's district. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderNoticesController {

    static final URI NOTICES_NOT_FOUND = URI.create("urn:qorgau:problem:notices-not-found");

    private static final String NOT_FOUND_EXAMPLE =
            """
            {
              "type": "urn:qorgau:problem:notices-not-found",
              "title": "Notices not found",
              "status": 404,
              "detail": "There are no notices of an order with this id that you may read.",
              "instance": "/api/v1/orders/3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43/notices"
            }""";

    private final OrderNotices notices;

    OrderNoticesController(OrderNotices notices) {
        this.notices = notices;
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR})
    @GetMapping(path = "/{id}/notices", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Where an order's notices stand",
            description =
                    """
                    Officers and supervisors of the order's district see each notice of the order: the event \
                    it tells, who (by role) and how, its status, attempts and last failure. No addresses.""",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The order's notices, oldest first.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        array = @ArraySchema(schema = @Schema(implementation = NoticeView.class)))),
                @ApiResponse(
                        responseCode = "404",
                        description = "No notices of an order with this id that you may read (also for an id "
                                + "that is not a UUID, and for another district's order).",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class),
                                        examples = @ExampleObject(name = "notFound", value = NOT_FOUND_EXAMPLE)))
            })
    List<NoticeView> notices(
            @Parameter(description = "The order's id (UUID).", schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable
                    String id,
            @AuthenticationPrincipal Staff staff) {
        return PublicPages.canonicalUuid(id)
                .flatMap(order -> notices.of(staff, order))
                .orElseThrow(() -> notFound());
    }

    private static ErrorResponseException notFound() {
        return Problems.error(
                HttpStatus.NOT_FOUND,
                NOTICES_NOT_FOUND,
                "Notices not found",
                "There are no notices of an order with this id that you may read.");
    }
}
