package kz.qorgau.notification.acknowledgement;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.notification.notice.Occurrence;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Acknowledgement links, the re-send ladder and escalation ({@code qorgau.notification.acknowledgement.*},
 * docs/adr/0024).
 *
 * @param key the links' HMAC-SHA256 key, base64 of 256 random bits; none by default (docs/adr/0014): without it
 *     notices carry no link, and urgent ones are re-sent and escalated as if nobody acknowledged
 * @param allowLocalDemoKey whether the public demo key signs links when no key is configured (local stack, tests)
 * @param baseUrl where the police reach this service's acknowledgement page
 * @param linkValidity how long a link can be used after the attempt that carried it
 * @param resendEvery an unacknowledged urgent notice is sent again this long after its last send
 * @param maxResends at most this many times
 * @param escalateAfter per occurrence, how long an urgent notice may stay unacknowledged before the district's
 *     supervisor is told; an occurrence not named here (routine ones) is never escalated, unless its order is at a
 *     risk level named in {@code escalateAtRisk}
 * @param escalateAtRisk per risk level, how long any urgent police notice of an order at that level may stay
 *     unacknowledged before the district's supervisor is told (docs/adr/0039): the shorter of this and the
 *     occurrence's {@code escalateAfter} applies; a level not named here (LOW, MEDIUM) changes nothing
 * @param scanInterval how often the ladder looks for notices due for a re-send or an escalation
 */
@ConfigurationProperties("qorgau.notification.acknowledgement")
public record AcknowledgementProperties(
        String key,
        @DefaultValue("false") boolean allowLocalDemoKey,
        @DefaultValue("http://127.0.0.1:8082") URI baseUrl,
        @DefaultValue("72h") Duration linkValidity,
        @DefaultValue("10m") Duration resendEvery,
        @DefaultValue("6") int maxResends,
        Map<Occurrence, Duration> escalateAfter,
        Map<RiskLevel, Duration> escalateAtRisk,
        @DefaultValue("5s") Duration scanInterval) {

    /**
     * The default: a violation and a victim's HELP after 10 minutes (NCIC's bar for an urgent hit confirmation); other urgent
     * occurrences (an order issued, an arrest) are re-sent but escalated only where configured.
     */
    static final Map<Occurrence, Duration> DEFAULT_ESCALATIONS = Map.of(
            Occurrence.VIOLATION_REPORTED,
            Duration.ofMinutes(10),
            Occurrence.VICTIM_REQUESTED_HELP,
            Duration.ofMinutes(10));

    /**
     * The default: an order at HIGH risk after 7 minutes, at EXTREME after 5, sooner than a violation's 10 (VioGén
     * asks the most immediate protection at the highest levels).
     */
    static final Map<RiskLevel, Duration> DEFAULT_ESCALATIONS_AT_RISK =
            Map.of(RiskLevel.HIGH, Duration.ofMinutes(7), RiskLevel.EXTREME, Duration.ofMinutes(5));

    public AcknowledgementProperties {
        Map<Occurrence, Duration> merged = new EnumMap<>(DEFAULT_ESCALATIONS);
        if (escalateAfter != null) {
            merged.putAll(escalateAfter);
        }
        escalateAfter = Map.copyOf(merged);
        Map<RiskLevel, Duration> atRisk = new EnumMap<>(DEFAULT_ESCALATIONS_AT_RISK);
        if (escalateAtRisk != null) {
            atRisk.putAll(escalateAtRisk);
        }
        escalateAtRisk = Map.copyOf(atRisk);
        if (escalateAtRisk.values().stream().anyMatch(after -> after.isNegative() || after.isZero())) {
            throw new IllegalArgumentException(
                    "qorgau.notification.acknowledgement.escalate-at-risk: every duration must be positive");
        }
        if (resendEvery.isNegative() || resendEvery.isZero() || maxResends < 0) {
            throw new IllegalArgumentException(
                    "qorgau.notification.acknowledgement: resend-every must be positive, max-resends not negative");
        }
        if (!baseUrl.isAbsolute()) {
            throw new IllegalArgumentException("qorgau.notification.acknowledgement.base-url must be an absolute URL");
        }
    }
}
