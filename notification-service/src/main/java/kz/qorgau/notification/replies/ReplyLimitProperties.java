package kz.qorgau.notification.replies;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.notification.replies.limits.*}: how often a victim's HELP reaches the police, and how much a reply
 * link may be used (docs/adr/0036). A leaked or guessed link must not flood the duty unit; a victim in danger must be
 * able to press HELP again and be heard.
 *
 * @param helpNoticeEvery at most one urgent police notice per order this often: a HELP within it (by the link or by
 *     SMS) is recorded ({@code VictimReplied}, {@code HELP_REPEATED}) and answered "already sent, help is on its
 *     way", no new notice; one after it is a new notice, as the first
 * @param pressesPerLink requests one reply link may make in {@code linkWindow} (showing the page counts); beyond,
 *     429
 * @param linkWindow the window of {@code pressesPerLink}, refilled gradually
 * @param requestsPerAddressPerMinute requests to reply links from one client address per minute, whatever the link;
 *     beyond, 429. Generous: mobile carriers put many phones behind one address
 * @param remembered how many links, and how many addresses, each instance remembers the use of (the least recently
 *     seen are forgotten first)
 */
@ConfigurationProperties("qorgau.notification.replies.limits")
public record ReplyLimitProperties(
        @DefaultValue("5m") Duration helpNoticeEvery,
        @DefaultValue("20") int pressesPerLink,
        @DefaultValue("10m") Duration linkWindow,
        @DefaultValue("120") int requestsPerAddressPerMinute,
        @DefaultValue("10000") int remembered) {

    public ReplyLimitProperties {
        if (helpNoticeEvery.isNegative()) {
            throw new IllegalArgumentException(
                    "qorgau.notification.replies.limits.help-notice-every must not be negative");
        }
        if (pressesPerLink < 2 || requestsPerAddressPerMinute < 2 || remembered < 1) {
            // One press must never be all a link has: the page is shown first, then HELP pressed.
            throw new IllegalArgumentException("qorgau.notification.replies.limits: presses-per-link and"
                    + " requests-per-address-per-minute must be at least 2, remembered at least 1");
        }
        if (linkWindow.isNegative() || linkWindow.isZero()) {
            throw new IllegalArgumentException("qorgau.notification.replies.limits.link-window must be positive");
        }
    }
}
