package kz.qorgau.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoadTest {

    @Test
    void everyClientRunsItsOwnLoopAndOnlyExpectedAnswersCountAndAreTimed() throws InterruptedException {
        Set<Integer> numbers = ConcurrentHashMap.newKeySet();
        AtomicInteger closed = new AtomicInteger();

        ClosedLoad.Result result = ClosedLoad.run(3, Duration.ofMillis(200), number -> {
            numbers.add(number);
            AtomicInteger calls = new AtomicInteger();
            return new ClosedLoad.Client() {
                @Override
                public boolean call() {
                    int call = calls.incrementAndGet();
                    if (call % 3 == 0) {
                        throw new IllegalStateException("an error counts as a failure");
                    }
                    return call % 3 == 1;
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        });

        assertThat(numbers).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(closed).hasValue(3);
        assertThat(result.clients()).isEqualTo(3);
        assertThat(result.succeeded()).isPositive();
        // Of every three calls one succeeds, one answers wrongly and one throws.
        assertThat(result.failed()).isBetween(2 * result.succeeded() - 6, 2 * result.succeeded() + 6);
        assertThat(result.latencies().getTotalCount()).isEqualTo(result.succeeded());
        assertThat(result.seconds()).isGreaterThanOrEqualTo(0.2);
        assertThat(result.perSecond()).isEqualTo(result.succeeded() / result.seconds());
    }

    @Test
    void aClientThatCannotBeSetUpFailsTheRun() {
        assertThatThrownBy(() -> ClosedLoad.run(2, Duration.ofMillis(50), number -> {
                    throw new IllegalStateException("no connection");
                }))
                .hasMessageContaining("could not be set up")
                .hasRootCauseMessage("no connection");
    }
}
