package kz.qorgau.order.personcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.writelimit.WriteLimits;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The person check must never hang: many concurrent checks, alongside many concurrent writes, all
 * answer well within Hikari's 30 s connection timeout (pool of 10), and the volume watch still counts.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "spring.datasource.hikari.maximum-pool-size=10",
            "qorgau.access.write-limit.capacity=1000",
            "qorgau.access.person-check-watch.capacity=" + PersonCheckConcurrencyTest.USUAL_CHECKS
        })
@QorgauInfrastructure
class PersonCheckConcurrencyTest {

    static final int USUAL_CHECKS = 10;
    static final int CONCURRENT = 50;

    /** Far below Hikari's 30 s: a check that waits for a second connection fails the test. */
    static final Duration ANSWERED_WITHIN = Duration.ofSeconds(20);

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void fiftyConcurrentChecksAndFiftyConcurrentWritesAllAnswer() {
        ApiClient officer = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        ApiClient otherOfficer = officer.as(Persona.OFFICER_B);
        // Warm up: the token, the JWK set, the first order and check.
        assertThat(officer.postOrder(OrderRequests.valid()).statusCode()).isEqualTo(201);
        assertThat(check(otherOfficer).statusCode()).isEqualTo(200);

        ExecutorService callers = Executors.newFixedThreadPool(2 * CONCURRENT);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<HttpResponse<String>>> checks = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> writes = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                checks.add(call(callers, start, () -> check(otherOfficer)));
                String unit = "CONCURRENT-UP-" + i;
                writes.add(call(callers, start, () -> officer.postOrder(OrderRequests.valid(unit))));
            }
            start.countDown();

            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>(checks);
            all.addAll(writes);
            await().atMost(ANSWERED_WITHIN).until(() -> all.stream().allMatch(CompletableFuture::isDone));

            assertThat(checks).allSatisfy(check -> assertThat(check.join().statusCode())
                    .as(check.join().body())
                    .isEqualTo(200));
            assertThat(writes).allSatisfy(write -> assertThat(write.join().statusCode())
                    .as(write.join().body())
                    .isIn(201, 429));
        } finally {
            callers.shutdownNow();
        }

        // The watch still counts, in the background: 51 checks against a usual volume of 10.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(unusualChecks())
                .isGreaterThanOrEqualTo(CONCURRENT + 1 - USUAL_CHECKS - 1));
        assertThat(unusualChecks()).isLessThanOrEqualTo(CONCURRENT + 1 - USUAL_CHECKS);
    }

    private static CompletableFuture<HttpResponse<String>> call(
            ExecutorService callers, CountDownLatch start, Supplier<HttpResponse<String>> request) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return request.get();
                },
                callers);
    }

    private static HttpResponse<String> check(ApiClient officer) {
        return officer.post("/api/v1/person-checks", OrderRequests.offenderCheck(), Map.of());
    }

    private double unusualChecks() {
        Counter counter = meters.find(WriteLimits.UNUSUAL_PERSON_CHECKS_METRIC).counter();
        return counter == null ? 0 : counter.count();
    }
}
