package kz.qorgau.order.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.OrderServiceHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Operators count orders issued and changed by region: a committed change counts once under its region
 * (a district the map does not know under "other"), a refused one not at all.
 */
class OrderChangeCountersTest extends OrderServiceHttpTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void committedChangesCountByRegionAndRefusedOnesDoNot() {
        double issuedInAlmaty = count("order.issued", "Almaty city");
        double servedInAlmaty = count("order.served", "Almaty city");

        HttpResponse<String> issued = officer.postOrder(OrderRequests.valid("ALM-BOSTANDYK-UP-07"));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String path = "/api/v1/orders/" + ApiClient.json(issued).get("id").asString();

        HttpResponse<String> stale = change(officer, path + "/service", "{\"method\": \"SIGNED\"}", "\"v7\"");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        HttpResponse<String> served = change(officer, path + "/service", "{\"method\": \"SIGNED\"}", etag(issued));
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);

        // Counted after the commit, which the response does not wait for.
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(count("order.issued", "Almaty city")).isEqualTo(issuedInAlmaty + 1);
            assertThat(count("order.served", "Almaty city")).isEqualTo(servedInAlmaty + 1);
        });
    }

    @Test
    void aDistrictTheMapDoesNotKnowCountsUnderOther() {
        StatisticsProperties properties = new StatisticsProperties(null, null, null);
        assertThat(properties.regionOf("ALM-BOSTANDYK")).isEqualTo("Almaty city");
        assertThat(properties.regionOf("AST")).isEqualTo("Astana city");
        assertThat(properties.regionOf("ZZZ-NOWHERE")).isEqualTo(StatisticsProperties.OTHER);
        assertThat(properties.regionOf(null)).isEqualTo(StatisticsProperties.OTHER);
    }

    @Test
    void theChangeIsTheEventTypeWithoutPrefixAndVersion() {
        assertThat(OrderChangeCounters.change("kz.qorgau.order.violation.reported.v1"))
                .isEqualTo("order.violation.reported");
        assertThat(OrderChangeCounters.change("kz.qorgau.order.served.v12")).isEqualTo("order.served");
    }

    private double count(String change, String region) {
        Counter counter = meters.find(OrderChangeCounters.METRIC)
                .tag("change", change)
                .tag("region", region)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
