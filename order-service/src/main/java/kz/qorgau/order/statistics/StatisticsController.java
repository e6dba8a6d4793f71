package kz.qorgau.order.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Authorities;
import kz.qorgau.order.law.LawProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/statistics}: the published tables, by region and month, for analysts. */
@RestController
@Tag(name = "Statistics", description = "Counts and timings by region and month; never personal data")
class StatisticsController {

    static final String TEXT_CSV = "text/csv";
    static final int MAX_MONTHS = 36;

    private final Statistics statistics;
    private final StatisticsProperties properties;
    private final ZoneId zone;
    private final Clock clock;

    StatisticsController(Statistics statistics, StatisticsProperties properties, LawProperties law, Clock clock) {
        this.statistics = statistics;
        this.properties = properties;
        this.zone = law.zone();
        this.clock = clock;
    }

    @Secured(Authorities.ANALYST)
    @GetMapping(
            path = "/api/v1/statistics",
            produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV})
    @Operation(
            summary = "Statistics by region and month",
            description =
                    """
                    The tables the authorities publish, from order-service's own database: orders issued, \
                    served and expired, special requirements, violations (art. 461), arrests, repeat offenders, \
                    and the median hours from order to service, from service to the first check, and of the \
                    unprotected gap between an order's end and the special requirements that follow it. Each \
                    figure names its period, base and source; a count (or the cases behind a median) below the \
                    small count shows as "<5". JSON, or CSV with `Accept: text/csv` or `format=csv`. Months \
                    are counted in Asia/Almaty; at most 36 months; by default the last 12.""",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The figures.",
                        content = {
                            @Content(
                                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = StatisticsReport.class)),
                            @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))
                        }),
                @ApiResponse(
                        responseCode = "400",
                        description = "A period that is not valid.",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        schema = @Schema(implementation = ProblemDetail.class)))
            })
    ResponseEntity<?> statistics(
            @Parameter(description = "The first month, e.g. 2026-01; 11 months before `to` by default.")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "The last month, e.g. 2026-12; this month by default.")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "csv for CSV whatever the Accept header says; json by default.")
                    @RequestParam(required = false)
                    String format,
            @RequestHeader HttpHeaders headers) {
        YearMonth last = to == null ? YearMonth.now(clock.withZone(zone)) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(11) : month("from", from);
        if (last.isBefore(first) || first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
            throw invalid("to must not be before from, and the period at most " + MAX_MONTHS + " months.");
        }
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw invalid("format must be csv or json.");
        }
        String accept = String.join(",", headers.getOrEmpty(HttpHeaders.ACCEPT));
        boolean csv = "csv".equals(format) || (format == null && accept.contains(TEXT_CSV) && !accept.contains("json"));
        StatisticsReport report = StatisticsReport.of(
                first,
                last,
                zone.getId(),
                properties.regionNames(),
                properties.smallCount(),
                statistics.cells(first, last));
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"qorgau-statistics.csv\"")
                    .body(report.csv());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private static YearMonth month(String name, String value) {
        if (!value.matches("\\d{4}-\\d{2}")) {
            throw invalid(name + " must be a month such as 2026-11.");
        }
        try {
            YearMonth month = YearMonth.parse(value);
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw invalid(name + " must be a month between 2000 and 2100.");
            }
            return month;
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid(name + " must be a month such as 2026-11.");
        }
    }

    private static ErrorResponseException invalid(String detail) {
        return Problems.error(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request", detail);
    }
}
