package kz.qorgau.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecoveryDrainTest {

    static final Instant RESTART = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void aDrainedGroupIsTimedFromTheRestartAndItsRateFromItsFirstProgress() {
        var drain = new RecoveryDrain.Drain(
                10_000, 10_000, RESTART, RESTART.plusSeconds(20), RESTART.plusSeconds(70), true);

        assertThat(drain.secondsToDrain()).isEqualTo(70.0);
        assertThat(drain.perSecond()).isEqualTo(200.0);
    }

    @Test
    void aGroupStillBehindAtTheLimitIsProjectedAtItsRateSoFar() {
        var drain = new RecoveryDrain.Drain(
                100_000, 6_000, RESTART, RESTART.plusSeconds(20), RESTART.plusSeconds(620), false);

        assertThat(drain.perSecond()).isEqualTo(10.0);
        // 620 s so far, and 94,000 events left at 10 a second.
        assertThat(drain.secondsToDrain()).isCloseTo(620 + 9_400, within(0.001));
    }
}
