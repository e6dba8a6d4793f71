package kz.qorgau.order.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.law.LawProperties;
import kz.qorgau.order.protectiveorder.OrderStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/orders}: the district's lists (expiring, checks overdue, unserved) and the search. */
@RestController
@Tag(name = "Orders", description = "Police protective orders")
class OrderSearchController {

    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 10_000;

    private final OrderSearch search;
    private final LawProperties law;

    OrderSearchController(OrderSearch search, LawProperties law) {
        this.search = search;
        this.law = law;
    }

    @Secured({Authorities.OFFICER, Authorities.SUPERVISOR, Authorities.COURT})
    @GetMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "List and search orders",
            description =
                    """
                    A page of orders without personal data. `list` picks the list and its order: ALL (newest \
                    first), EXPIRING (in force, ending within `within`, soonest first; default the expiry \
                    warning, 7 days), CHECKS_OVERDUE (in force with a check past due, longest overdue first), \
                    UNSERVED (issued and unserved for at least `within`, oldest first; default the service \
                    deadline, 24 hours). Officers and supervisors list their own district (another answers \
                    403); courts any district, or all without one.""",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The page.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = OrderPage.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "A filter that is not valid.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "403",
                        description = "Another district's list, for an officer or supervisor.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class)))
            })
    OrderPage list(
            @Parameter(description = "Which list.") @RequestParam(defaultValue = "ALL") OrderList list,
            @Parameter(description = "The district; your own by default.") @RequestParam(required = false)
                    String district,
            @Parameter(description = "Only these statuses (repeat the parameter for several).")
                    @RequestParam(required = false)
                    List<OrderStatus> status,
            @Parameter(description = "Issued on or after this day (in Asia/Almaty), e.g. 2026-11-01.")
                    @RequestParam(required = false)
                    String issuedFrom,
            @Parameter(description = "Issued on or before this day (in Asia/Almaty).") @RequestParam(required = false)
                    String issuedTo,
            @Parameter(description = "For EXPIRING and UNSERVED: an ISO-8601 duration, e.g. P7D or PT24H.")
                    @RequestParam(required = false)
                    String within,
            @Parameter(description = "The page, from 0.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Orders per page, 1 to 100.") @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal Staff staff) {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw invalid("page must be 0 to " + MAX_PAGE + " and size 1 to " + MAX_SIZE + ".");
        }
        if (district != null && !district.matches("[A-Z0-9-]{1,32}")) {
            throw invalid("district must be a district code such as ALM-BOSTANDYK.");
        }
        LocalDate from = day("issuedFrom", issuedFrom);
        LocalDate to = day("issuedTo", issuedTo);
        if (from != null && to != null && to.isBefore(from)) {
            throw invalid("issuedTo must not be before issuedFrom.");
        }
        Duration horizon = duration(within, list);
        return search.find(
                staff,
                new OrderSearch.Criteria(
                        list,
                        district,
                        status == null ? List.of() : List.copyOf(status),
                        from,
                        to,
                        horizon,
                        page,
                        size));
    }

    private Duration duration(String within, OrderList list) {
        if (within == null) {
            return list == OrderList.UNSERVED
                    ? law.serviceOverdue().value()
                    : law.expiryWarning().value();
        }
        try {
            Duration parsed = Duration.parse(within);
            if (parsed.isNegative() || parsed.compareTo(Duration.ofDays(366)) > 0) {
                throw invalid("within must be between PT0S and P366D.");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw invalid("within must be an ISO-8601 duration such as P7D or PT24H.");
        }
    }

    private static LocalDate day(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be a day such as 2026-11-01.");
        }
    }

    private static org.springframework.web.ErrorResponseException invalid(String detail) {
        return Problems.error(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request", detail);
    }
}
