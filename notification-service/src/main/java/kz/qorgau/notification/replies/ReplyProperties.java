package kz.qorgau.notification.replies;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.notification.replies.*}: victims' answers (docs/adr/0036), by an inbound SMS through the gateway's
 * webhook or by a notice's link.
 *
 * @param secret the inbound webhook's HMAC-SHA256 secret, shared with the SMS gateway; none by default
 *     (docs/adr/0014): without it every inbound message is refused (503)
 * @param allowLocalDemoSecret whether the public demo secret ({@link #LOCAL_DEMO_SECRET}) is used when none is
 *     configured (./qorgau-local, tests)
 * @param window how far a message's timestamp may be from this service's clock; signatures and message ids are
 *     remembered that long, so a replay within it is refused and one after it is too old
 * @param stop the words that opt the sender out at once (compared without case, spaces or punctuation)
 * @param safe the words that say the victim is safe (recorded only)
 * @param help the words that ask for help
 */
@ConfigurationProperties("qorgau.notification.replies")
public record ReplyProperties(
        String secret,
        @DefaultValue("false") boolean allowLocalDemoSecret,
        @DefaultValue("5m") Duration window,
        @DefaultValue({"STOP", "СТОП", "ТОҚТАТ", "ТОКТАТ", "ОТПИСКА"}) List<String> stop,
        @DefaultValue({"SAFE", "БЕЗОПАСНО", "ҚАУІПСІЗ", "КАУІПСІЗ", "КАУИПСИЗ", "В БЕЗОПАСНОСТИ"}) List<String> safe,
        @DefaultValue({"HELP", "ПОМОГИТЕ", "ПОМОЩЬ", "КӨМЕК", "КОМЕК", "SOS"}) List<String> help) {

    /** Public, in the repository: for ./qorgau-local and tests only, refused anywhere else. */
    public static final String LOCAL_DEMO_SECRET = "qorgau-local-demo-inbound-sms-secret";

    public ReplyProperties {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("qorgau.notification.replies.window must be positive");
        }
        if (!allowLocalDemoSecret && LOCAL_DEMO_SECRET.equals(secret)) {
            throw new IllegalStateException("qorgau.notification.replies.secret is the public demo secret;"
                    + " set QORGAU_SMS_INBOUND_SECRET to a secret of your own");
        }
        stop = List.copyOf(stop);
        safe = List.copyOf(safe);
        help = List.copyOf(help);
    }

    /** The secret to check signatures with, or null: inbound messages are then refused. */
    String checkedSecret() {
        if (secret != null && !secret.isBlank()) {
            return secret;
        }
        return allowLocalDemoSecret ? LOCAL_DEMO_SECRET : null;
    }

    @Override
    public String toString() {
        // Never the secret.
        return "ReplyProperties[window=" + window + ", secretSet=" + (secret != null && !secret.isBlank()) + "]";
    }
}
