package kz.qorgau.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-01T10:00:00Z");
    private static final OffsetDateTime DEADLINE = NOW.plusHours(12);

    private final RetrySchedule noJitter = new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(5), bound -> 0);
    private final RetrySchedule fullJitter =
            new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(5), bound -> bound - 1);

    @Test
    void theBackOffDoublesUpToItsCapAndItsJitterStaysWithinTheUpperHalf() {
        assertThat(noJitter.backOff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(fullJitter.backOff(1)).isEqualTo(Duration.ofMillis(1000));
        assertThat(noJitter.backOff(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(fullJitter.backOff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(fullJitter.backOff(9)).isEqualTo(Duration.ofMinutes(4).plusSeconds(16));
        assertThat(fullJitter.backOff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(noJitter.backOff(1_000)).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void aPeersRetryAfterIsHonouredWhenItAsksForLonger() {
        assertThat(noJitter.next(1, Duration.ofSeconds(30), NOW, DEADLINE)).isEqualTo(NOW.plusSeconds(30));
        assertThat(noJitter.next(1, Duration.ofMillis(10), NOW, DEADLINE)).isEqualTo(NOW.plusNanos(500_000_000));
    }

    @Test
    void theLastAttemptIsAtTheDeadlineAndAfterItTheNoticeIsGivenUp() {
        OffsetDateTime late = DEADLINE.minusSeconds(10);
        assertThat(fullJitter.next(10, null, late, DEADLINE)).isEqualTo(DEADLINE);
        assertThat(fullJitter.next(10, Duration.ofHours(1), late, DEADLINE)).isEqualTo(DEADLINE);
        assertThat(fullJitter.next(11, null, DEADLINE, DEADLINE)).isNull();
        assertThat(fullJitter.next(11, null, DEADLINE.plusSeconds(1), DEADLINE)).isNull();
    }
}
