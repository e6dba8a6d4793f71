package kz.qorgau.order.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
 * The district's lists over HTTP on a real PostgreSQL: four orders of one district, their times moved
 * back in the database (the clock is not the test's to move), each found in its list and in no other;
 * the district rule, paging and bad filters. Other classes share the database, so every assertion looks
 * only at this class's orders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "order-service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderSearchTest {

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderListGauges gauges;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @LocalServerPort
    int port;

    ApiClient officer;
    String unserved;
    String checkOverdue;
    String expiring;
    String fresh;

    @BeforeAll
    void fourOrdersInTheirLists() {
        officer = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        jdbc.sql("DELETE FROM access_rate_bucket").update();
        unserved = issue();
        checkOverdue = serve(issue());
        expiring = serve(issue());
        fresh = issue();
        // Issued 30 hours ago and never served.
        jdbc.sql("UPDATE protective_order SET issued_at = issued_at - interval '30 hours' WHERE id = :id")
                .param("id", UUID.fromString(unserved))
                .update();
        // Served 8 days ago, never checked: its first check was due a day ago.
        jdbc.sql("UPDATE protective_order SET issued_at = issued_at - interval '9 days',"
                        + " served_at = served_at - interval '8 days' WHERE id = :id")
                .param("id", UUID.fromString(checkOverdue))
                .update();
        // Ends in two days.
        jdbc.sql("UPDATE protective_order SET valid_until = now() + interval '2 days' WHERE id = :id")
                .param("id", UUID.fromString(expiring))
                .update();
    }

    @BeforeEach
    void freshWriteLimits() {
        jdbc.sql("DELETE FROM access_rate_bucket").update();
    }

    @Test
    void eachListHoldsItsOrdersAndNoOther() {
        assertThat(ours("list=UNSERVED")).containsExactly(unserved);
        assertThat(ours("list=UNSERVED&within=PT0S")).containsExactly(unserved, fresh);
        assertThat(ours("list=CHECKS_OVERDUE")).containsExactly(checkOverdue);
        assertThat(ours("list=EXPIRING")).containsExactly(expiring);
        assertThat(ours("list=EXPIRING&within=P32D")).containsExactly(expiring, checkOverdue);
        assertThat(ours("status=IN_FORCE")).containsExactlyInAnyOrder(checkOverdue, expiring);
        assertThat(ours("status=ISSUED&status=IN_FORCE")).hasSize(4);
        assertThat(ours("")).as("newest first").containsExactly(fresh, expiring, unserved, checkOverdue);
    }

    @Test
    void aListCarriesNoPersonalDataAndWhenTheNextCheckIsDue() {
        JsonNode order = everyPage("list=CHECKS_OVERDUE").stream()
                .filter(item -> item.get("id").asString().equals(checkOverdue))
                .findFirst()
                .orElseThrow();
        assertThat(order.get("status").asString()).isEqualTo("IN_FORCE");
        assertThat(java.time.Instant.parse(order.get("nextCheckDue").asString()))
                .isBefore(java.time.Instant.now().minus(Duration.ofHours(23)));
    }

    @Test
    void officersListTheirOwnDistrictAndCourtsAny() {
        HttpResponse<String> other = officer.get("/api/v1/orders?district=AST-ESIL");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(other).get("type").asString()).isEqualTo("urn:qorgau:problem:outside-district");

        assertThat(ids(officer.as(Persona.OFFICER_B).get("/api/v1/orders?size=100")))
                .doesNotContain(unserved, checkOverdue, expiring, fresh);
        assertThat(ids(officer.as(Persona.COURT_CLERK).get("/api/v1/orders?district=ALM-BOSTANDYK&list=UNSERVED")))
                .contains(unserved);
        assertThat(officer.as(Persona.AUDITOR).get("/api/v1/orders").statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port).get("/api/v1/orders").statusCode()).isEqualTo(401);
    }

    @Test
    void operatorsGaugesCountTheListsOfEveryDistrict() {
        gauges.count();
        for (String list : List.of("UNSERVED", "CHECKS_OVERDUE", "EXPIRING")) {
            int listed =
                    everyPage(officer.as(Persona.COURT_CLERK), "list=" + list).size();
            assertThat(meters.get(OrderListGauges.METRIC)
                            .tag("list", list.toLowerCase(java.util.Locale.ROOT))
                            .gauge()
                            .value())
                    .as(list)
                    .isEqualTo(listed)
                    .isGreaterThanOrEqualTo(1);
        }
        assertThat(meters.get(OrderListGauges.METRIC)
                        .tag("list", "in_force")
                        .gauge()
                        .value())
                .isEqualTo(everyPage(officer.as(Persona.COURT_CLERK), "status=IN_FORCE")
                        .size());
    }

    @Test
    void pagesFollowOneAnother() {
        HttpResponse<String> first = officer.get("/api/v1/orders?size=1&page=0");
        HttpResponse<String> second = officer.get("/api/v1/orders?size=1&page=1");
        assertThat(ApiClient.json(first).get("hasNext").asBoolean()).isTrue();
        assertThat(ids(first)).hasSize(1).doesNotContainAnyElementsOf(ids(second));
        assertThat(ApiClient.json(second).get("page").asInt()).isEqualTo(1);
    }

    @Test
    void aBadFilterIsAProblem() {
        for (String query : List.of(
                "size=0",
                "size=101",
                "page=-1",
                "within=seven-days",
                "within=-P1D",
                "list=EVERYTHING",
                "status=ARCHIVED",
                "issuedFrom=2026-13-01",
                "issuedFrom=2026-11-02&issuedTo=2026-11-01",
                "district=alm%27%20OR%201%3D1")) {
            HttpResponse<String> answer = officer.get("/api/v1/orders?" + query);
            assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
        }
    }

    private String issue() {
        HttpResponse<String> issued = officer.postOrder(OrderRequests.valid());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return ApiClient.json(issued).get("id").asString();
    }

    private String serve(String id) {
        HttpResponse<String> served = officer.post(
                "/api/v1/orders/" + id + "/service", "{\"method\": \"SIGNED\"}", Map.of("If-Match", "\"v1\""));
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        return id;
    }

    /** This class's orders in the list, in the list's order. */
    private List<String> ours(String query) {
        List<String> mine = List.of(unserved, checkOverdue, expiring, fresh);
        return everyPage(query).stream()
                .map(item -> item.get("id").asString())
                .filter(mine::contains)
                .toList();
    }

    /** Every item of the list, page after page (other classes' orders share the district). */
    private List<JsonNode> everyPage(String query) {
        return everyPage(officer, query);
    }

    private static List<JsonNode> everyPage(ApiClient client, String query) {
        List<JsonNode> found = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            HttpResponse<String> answer = client.get("/api/v1/orders?size=100&page=" + page + "&" + query);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            for (JsonNode item : items(answer)) {
                // Other classes' orders share the district, and the hostile campaign may name a unit
                // "8507033001270": the shape is checked on every item, the people on orders made from OrderRequests.
                assertThat(item.propertyNames()).as(item.toString()).containsExactlyInAnyOrderElementsOf(SUMMARY);
                if (item.get("policeUnit").asString().startsWith("ALM-BOSTANDYK-UP-")) {
                    assertThat(item.toString())
                            .doesNotContain(
                                    OrderRequests.OFFENDER_IIN, OrderRequests.VICTIM_IIN, OrderRequests.VICTIM_PHONE)
                            .doesNotContain("Ахмет", "Айгерим", "Ерлан");
                }
                found.add(item);
            }
            if (!ApiClient.json(answer).get("hasNext").asBoolean()) {
                return found;
            }
        }
        throw new AssertionError("more than 100 pages of " + query);
    }

    /** The fields of a list item: no name, IIN, document or contact among them. */
    private static final List<String> SUMMARY = List.of(
            "id",
            "orderNumber",
            "status",
            "district",
            "policeUnit",
            "issuedAt",
            "servedAt",
            "validUntil",
            "nextCheckDue",
            "repeatOffender");

    private static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return items(page).stream().map(item -> item.get("id").asString()).toList();
    }

    private static List<JsonNode> items(HttpResponse<String> page) {
        List<JsonNode> items = new ArrayList<>();
        ApiClient.json(page).get("items").forEach(items::add);
        return items;
    }
}
