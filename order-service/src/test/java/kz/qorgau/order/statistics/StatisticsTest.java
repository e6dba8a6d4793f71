package kz.qorgau.order.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The statistics on a real PostgreSQL: orders issued and served over HTTP, then their times moved in the
 * database into one month of the past (a random one, so nothing else in the shared database falls in it),
 * with checks, violations and special requirements written beside them. Each figure is checked against
 * what was written: counts, medians, the unprotected gap, small counts hidden, CSV, and no personal data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "order-service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTest {

    private static final String ALMATY = "Almaty city";

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Statistics statistics;

    @Autowired
    StatisticsGauges gauges;

    @Autowired
    MeterRegistry registry;

    @LocalServerPort
    int port;

    ApiClient analyst;
    YearMonth month;

    @BeforeAll
    void aMonthOfOrders() {
        SecureRandom random = new SecureRandom();
        month = YearMonth.of(2001 + random.nextInt(20), 3);
        ApiClient officer = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        analyst = officer.as(Persona.ANALYST);
        jdbc.sql("DELETE FROM access_rate_bucket").update();
        // One offender of this class alone, linked by the blind index as the IIN's HMAC would.
        byte[] offender = new byte[32];
        random.nextBytes(offender);
        Instant start = month.atDay(1).atTime(6, 0).toInstant(ZoneOffset.UTC);
        List<UUID> served = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            UUID id = issue(officer);
            HttpResponse<String> service = officer.post(
                    "/api/v1/orders/" + id + "/service", "{\"method\": \"SIGNED\"}", Map.of("If-Match", "\"v1\""));
            assertThat(service.statusCode()).as(service.body()).isEqualTo(200);
            Instant issued = start.plus(Duration.ofDays(k));
            Instant servedAt = issued.plus(Duration.ofHours(k));
            // Ended on the 20th: expired, as the scan would have made it.
            jdbc.sql("UPDATE protective_order SET issued_at = :issued, served_at = :served, valid_until = :until,"
                            + " status = 'EXPIRED', repeat_offender = true, offender_iin_index = :offender"
                            + " WHERE id = :id")
                    .param("issued", Timestamp.from(issued))
                    .param("served", Timestamp.from(servedAt))
                    .param("until", Timestamp.from(start.plus(Duration.ofDays(19))))
                    .param("offender", offender)
                    .param("id", id)
                    .update();
            // The first check 10, 20, ... 50 hours after service.
            check(id, servedAt.plus(Duration.ofHours(10L * k)), null);
            served.add(id);
        }
        // A check entered wrongly and corrected counts by its correction.
        UUID wrong = check(served.get(0), start.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)), null);
        check(served.get(0), start.plus(Duration.ofDays(1)).plus(Duration.ofHours(11)), wrong);
        // One issued and never served, and one of a district the region map does not know; their offender
        // (the shared test IIN) is no repeat offender here, whatever other classes issued against it.
        at(issue(officer), start.plus(Duration.ofDays(9)), "ALM-BOSTANDYK");
        at(issue(officer), start.plus(Duration.ofDays(9)), "ZZZ-NOWHERE");
        // Five confirmed violations on the first order, two ending in arrest; one only reported.
        for (int k = 0; k < 6; k++) {
            violation(served.get(0), start.plus(Duration.ofDays(3)).plus(Duration.ofHours(k)), k < 5, k < 2);
        }
        // Special requirements 1 to 5 days after the orders ended: the unprotected gap.
        for (int k = 1; k <= 5; k++) {
            requirements(offender, start.plus(Duration.ofDays(19 + k)));
        }
    }

    @BeforeEach
    void freshWriteLimits() {
        jdbc.sql("DELETE FROM access_rate_bucket").update();
    }

    @Test
    void eachFigureIsComputedFromTheTables() {
        Map<String, String> figures = figures(ALMATY);
        assertThat(figures)
                .containsEntry("ORDERS_ISSUED", "6")
                .containsEntry("ORDERS_SERVED", "5")
                .containsEntry("ORDERS_EXPIRED", "5")
                .containsEntry("SPECIAL_REQUIREMENTS", "5")
                .containsEntry("VIOLATIONS", "5")
                .containsEntry("ORDER_TO_SERVICE_HOURS", "3.0")
                .containsEntry("SERVICE_TO_FIRST_CHECK_HOURS", "30.0")
                .containsEntry("UNPROTECTED_GAP_HOURS", "72.0");
        assertThat(figures).hasSize(Measure.values().length);
    }

    @Test
    void aSmallCountShowsAsFewerThanFiveNeverTheNumber() {
        Map<String, String> figures = figures(ALMATY);
        assertThat(figures).containsEntry("ARRESTS", "<5").containsEntry("REPEAT_OFFENDERS", "<5");
        assertThat(figures(StatisticsProperties.OTHER)).containsEntry("ORDERS_ISSUED", "<5");
        assertThat(figures("Astana city")).containsEntry("ORDERS_ISSUED", "<5");
        // What the cells hold before they are hidden: two arrests, one offender, one unknown district.
        Map<String, Long> raw = new HashMap<>();
        statistics.cells(month, month).forEach(cell -> raw.put(cell.measure() + "|" + cell.region(), cell.count()));
        assertThat(raw)
                .containsEntry("ARRESTS|" + ALMATY, 2L)
                .containsEntry("REPEAT_OFFENDERS|" + ALMATY, 1L)
                .containsEntry("ORDERS_ISSUED|other", 1L);
    }

    @Test
    void everyFigureCarriesItsPeriodBaseAndSourceAndNoPersonalData() {
        HttpResponse<String> answer = analyst.get("/api/v1/statistics?from=" + month.minusMonths(1) + "&to=" + month);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode report = ApiClient.json(answer);
        assertThat(report.get("smallCount").asInt()).isEqualTo(5);
        assertThat(report.get("zone").asString()).isEqualTo("Asia/Almaty");
        // Whole grid: 2 months x (3 regions + other) x every measure.
        assertThat(report.get("figures")).hasSize(2 * 4 * Measure.values().length);
        report.get("figures").forEach(figure -> {
            assertThat(figure.get("period").asString()).matches("\\d{4}-\\d{2}");
            assertThat(figure.get("base").asString()).isNotBlank();
            assertThat(figure.get("source").asString()).isNotBlank();
        });
        assertNoPersonalData(answer.body());
    }

    @Test
    void csvByAcceptOrByFormat() {
        String query = "/api/v1/statistics?from=" + month + "&to=" + month;
        HttpResponse<String> accepted = acceptingCsv(query);
        HttpResponse<String> asked = analyst.get(query + "&format=csv");
        for (HttpResponse<String> csv : List.of(accepted, asked)) {
            assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            List<String> lines = csv.body().lines().toList();
            assertThat(lines.get(0)).isEqualTo("period,region,measure,value,unit,base,source");
            assertThat(lines).hasSize(1 + 4 * Measure.values().length);
            assertThat(lines)
                    .contains("\"" + month + "\",\"" + ALMATY + "\",\"ORDERS_ISSUED\",\"6\",\"orders\","
                            + "\"orders issued in the month (voided ones excluded)\",\"protective_order.issued_at\"")
                    .anyMatch(line -> line.startsWith("\"" + month + "\",\"" + ALMATY + "\",\"ARRESTS\",\"<5\""));
            assertNoPersonalData(csv.body());
        }
        assertThat(accepted.body()).isEqualTo(asked.body());
    }

    @Test
    void onlyAnalystsAndABadPeriodIsAProblem() {
        for (Persona other : List.of(Persona.OFFICER_A, Persona.SUPERVISOR_A, Persona.COURT_CLERK, Persona.OPERATOR)) {
            assertThat(analyst.as(other).get("/api/v1/statistics").statusCode())
                    .as(other.name())
                    .isEqualTo(403);
        }
        assertThat(analyst.get("/api/v1/statistics").statusCode()).isEqualTo(200);
        for (String query : List.of(
                "from=2026-13",
                "from=2026-1",
                "to=march",
                "from=2026-05&to=2026-04",
                "from=2020-01&to=2026-01",
                "format=xml",
                "from=1999-12&to=2000-01")) {
            HttpResponse<String> answer = analyst.get("/api/v1/statistics?" + query);
            assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
        }
    }

    @Test
    void gaugesCoverThirteenMonthsOfEveryRegionFromTheStart() {
        gauges.refresh();
        YearMonth now = YearMonth.now(java.time.ZoneId.of("Asia/Almaty"));
        for (Measure measure : Measure.values()) {
            assertThat(registry.find(measure.gaugeName()).gauges())
                    .as(measure.name())
                    .hasSize(StatisticsGauges.MONTHS * 4);
            assertThat(registry.find(measure.gaugeName())
                            .tag("region", ALMATY)
                            .tag("month", now.minusMonths(12).toString())
                            .gauge())
                    .isNotNull();
            assertThat(registry.find(measure.gaugeName())
                            .tag("month", now.minusMonths(13).toString())
                            .gauge())
                    .isNull();
        }
    }

    /** A GET whose only Accept is CSV (the test client always accepts JSON too). */
    private HttpResponse<String> acceptingCsv(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                                    .header(
                                            "Authorization",
                                            "Bearer "
                                                    + infrastructure.identity().token(Persona.ANALYST))
                                    .header("Accept", "text/csv")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> figures(String region) {
        HttpResponse<String> answer = analyst.get("/api/v1/statistics?from=" + month + "&to=" + month);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, String> figures = new HashMap<>();
        ApiClient.json(answer).get("figures").forEach(figure -> {
            if (figure.get("region").asString().equals(region)) {
                figures.put(
                        figure.get("measure").asString(), figure.get("value").asString());
            }
        });
        return figures;
    }

    private static void assertNoPersonalData(String body) {
        assertThat(body)
                .doesNotContain(OrderRequests.OFFENDER_IIN, OrderRequests.VICTIM_IIN, OrderRequests.VICTIM_PHONE)
                .doesNotContain(OrderRequests.VICTIM_EMAIL, "Ахмет", "Айгерим", "Ерлан", "PO-", "demo-");
    }

    private UUID issue(ApiClient officer) {
        HttpResponse<String> issued = officer.postOrder(OrderRequests.valid());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return UUID.fromString(ApiClient.json(issued).get("id").asString());
    }

    private void at(UUID order, Instant issued, String district) {
        jdbc.sql("UPDATE protective_order SET issued_at = :issued, district = :district,"
                        + " repeat_offender = false WHERE id = :id")
                .param("issued", Timestamp.from(issued))
                .param("district", district)
                .param("id", order)
                .update();
    }

    private UUID check(UUID order, Instant checked, UUID corrects) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO compliance_check (id, order_id, checked_by, checked_at, recorded_at, method, corrects,"
                        + " reason) VALUES (:id, :order, 'demo-officer-a', :at, :at, 'VISIT', :corrects, :reason)")
                .param("id", id)
                .param("order", order)
                .param("at", Timestamp.from(checked))
                .param("corrects", corrects)
                .param("reason", corrects == null ? null : "WRONG_TIME")
                .update();
        return id;
    }

    private void violation(UUID order, Instant occurred, boolean confirmed, boolean arrested) {
        jdbc.sql("INSERT INTO order_violation (id, order_id, status, source, reported_by, breached, occurred_at,"
                        + " recorded_at, legal_basis_law, legal_basis_article, legal_basis_version, case_number,"
                        + " confirmed_by, confirmed_at, arrest_started_at) VALUES (:id, :order, :status, 'PATROL',"
                        + " 'demo-officer-a', '[]'::jsonb, :at, :at, 'CoAO', '461', 'test', :case, :by, :confirmed,"
                        + " :arrest)")
                .param("id", UUID.randomUUID())
                .param("order", order)
                .param("status", confirmed ? "CONFIRMED" : "REPORTED")
                .param("at", Timestamp.from(occurred))
                .param("case", confirmed ? "AP-" + UUID.randomUUID() : null)
                .param("by", confirmed ? "demo-supervisor-a" : null)
                .param("confirmed", confirmed ? Timestamp.from(occurred) : null)
                .param("arrest", arrested ? Timestamp.from(occurred.plus(Duration.ofHours(1))) : null)
                .update();
    }

    /** Expired already, so no scan of measures acts on them; the places are sealed data nobody reads here. */
    private void requirements(byte[] offender, Instant effective) {
        jdbc.sql("INSERT INTO special_requirements (id, administrative_case, district, court, case_number,"
                        + " decision_date, effective_from, valid_until, term_months, status, bans, offender_sealed,"
                        + " offender_iin_index, legal_basis_law, legal_basis_article, legal_basis_version,"
                        + " imposed_by, recorded_at) VALUES (:id, :case, 'ALM-BOSTANDYK', 'ALM-COURT', :case,"
                        + " CAST(:effective AS date), :effective, :until, 1, 'EXPIRED', '[]'::jsonb, '{}'::jsonb,"
                        + " :offender, 'CoAO', '54-1', 'test', 'demo-court-clerk', :effective)")
                .param("id", UUID.randomUUID())
                .param("case", "ADM-" + UUID.randomUUID().toString().substring(0, 8))
                .param("effective", Timestamp.from(effective))
                .param("until", Timestamp.from(effective.plus(Duration.ofDays(30))))
                .param("offender", offender)
                .update();
    }
}
