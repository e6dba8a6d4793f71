package kz.qorgau.notification.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The decisions of the reply links' limits (docs/adr/0036): the order's window, the link's and the address's. */
class ReplyLimitsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 30, 3, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration EVERY = Duration.ofMinutes(5);

    @Test
    void theFirstHelpAndTheFirstAfterTheWindowTellThePoliceThoseWithinItAreAlreadySent() {
        assertThat(HelpWindow.decide(null, NOW, EVERY)).isEqualTo(HelpWindow.Decision.NOTIFY);
        assertThat(HelpWindow.decide(NOW, NOW, EVERY)).isEqualTo(HelpWindow.Decision.ALREADY_SENT);
        assertThat(HelpWindow.decide(NOW.minusMinutes(4).minusSeconds(59), NOW, EVERY))
                .isEqualTo(HelpWindow.Decision.ALREADY_SENT);
        assertThat(HelpWindow.decide(NOW.minus(EVERY), NOW, EVERY)).isEqualTo(HelpWindow.Decision.NOTIFY);
        assertThat(HelpWindow.decide(NOW.minusHours(1), NOW, EVERY)).isEqualTo(HelpWindow.Decision.NOTIFY);
        // Another instance's clock ahead of ours: still within its window, never a second notice at once.
        assertThat(HelpWindow.decide(NOW.plusSeconds(30), NOW, EVERY)).isEqualTo(HelpWindow.Decision.ALREADY_SENT);
        assertThat(HelpWindow.decide(NOW, NOW, Duration.ZERO))
                .as("no window: every HELP a notice")
                .isEqualTo(HelpWindow.Decision.NOTIFY);
    }

    @Test
    void aLinkIsLimitedOnItsOwnAndRefusalsSayWhenToTryAgain() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReplyLimits limits =
                new ReplyLimits(new ReplyLimitProperties(EVERY, 3, Duration.ofMinutes(10), 100, 10), meters);

        for (int press = 0; press < 3; press++) {
            assertThat(limits.take("10.0.0.1", "leaked")).as("press %d", press).isEmpty();
        }
        ReplyLimits.Wait wait = limits.take("10.0.0.1", "leaked").orElseThrow();
        assertThat(wait.refusal()).isEqualTo(ReplyLimits.Refusal.LINK);
        assertThat(wait.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(limits.take("10.0.0.2", "leaked")).as("from elsewhere too").isPresent();
        assertThat(limits.take("10.0.0.1", "another"))
                .as("another link is not touched")
                .isEmpty();
        assertThat(meters.counter(ReplyLimits.REFUSED_METRIC, "limit", "link").count())
                .isEqualTo(2);
    }

    @Test
    void anAddressIsLimitedWhateverTheLink() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReplyLimits limits =
                new ReplyLimits(new ReplyLimitProperties(EVERY, 100, Duration.ofMinutes(10), 5, 10), meters);

        for (int link = 0; link < 5; link++) {
            assertThat(limits.take("10.0.0.9", "guess-" + link)).isEmpty();
        }
        assertThat(limits.take("10.0.0.9", "guess-5"))
                .hasValueSatisfying(wait -> assertThat(wait.refusal()).isEqualTo(ReplyLimits.Refusal.ADDRESS));
        assertThat(limits.take("10.0.0.10", "guess-5")).as("another address").isEmpty();
        assertThat(meters.counter(ReplyLimits.REFUSED_METRIC, "limit", "address")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aLinkAlwaysAllowsThePageAndAPressAndTheWindowIsNeverNegative() {
        assertThatThrownBy(() -> new ReplyLimitProperties(EVERY, 1, Duration.ofMinutes(10), 100, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplyLimitProperties(Duration.ofMinutes(-1), 20, Duration.ofMinutes(10), 100, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplyLimitProperties(EVERY, 20, Duration.ZERO, 100, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePoliceAreToldInKazakhRussianAndEnglishHowTheVictimAskedAndInWhichLanguage() {
        String detail = VictimReplies.detail("LINK", "en");
        assertThat(detail)
                .contains("сілтеме арқылы", "по ссылке", "The victim asked for HELP by the link", "Language: en")
                .contains("Contact: in Qorgau, by the order");
        assertThat(VictimReplies.detail("SMS_REPLY", "<b>")).contains("by SMS", "Language: kk");
    }
}
