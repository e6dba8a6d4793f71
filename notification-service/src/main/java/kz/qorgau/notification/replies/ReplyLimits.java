package kz.qorgau.notification.replies;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The reply links' limits (docs/adr/0036): Bucket4j token buckets in memory, as order-service's public verification,
 * one per link and one per client address, each a bounded, least-recently-used set. Each instance counts its own:
 * they stop a flood from one link or one address, and the police are protected anyway by the order's window of one
 * notice ({@link HelpWindow}), which is in PostgreSQL and so holds across instances.
 */
@Component
class ReplyLimits {

    static final String REFUSED_METRIC = "qorgau.victim_replies.refused";

    enum Refusal {
        ADDRESS,
        LINK
    }

    private final ReplyLimitProperties properties;
    private final Cache<String, Bucket> links;
    private final Cache<String, Bucket> addresses;
    private final MeterRegistry meters;

    ReplyLimits(ReplyLimitProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.links = Caffeine.newBuilder()
                .maximumSize(properties.remembered())
                .expireAfterAccess(properties.linkWindow())
                .build();
        this.addresses = Caffeine.newBuilder()
                .maximumSize(properties.remembered())
                .expireAfterAccess(Duration.ofMinutes(1))
                .build();
    }

    /** Takes one request of the address and the link; the wait, when either allowance is spent (and counted). */
    Optional<Wait> take(String address, String token) {
        ConsumptionProbe byAddress = addresses
                .get(address, any -> bucket(properties.requestsPerAddressPerMinute(), Duration.ofMinutes(1)))
                .tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            return refused(Refusal.ADDRESS, byAddress);
        }
        ConsumptionProbe byLink = links.get(token, any -> bucket(properties.pressesPerLink(), properties.linkWindow()))
                .tryConsumeAndReturnRemaining(1);
        return byLink.isConsumed() ? Optional.empty() : refused(Refusal.LINK, byLink);
    }

    private Optional<Wait> refused(Refusal refusal, ConsumptionProbe probe) {
        meters.counter(REFUSED_METRIC, "limit", refusal.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        return Optional.of(new Wait(refusal, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    private static Bucket bucket(int capacity, Duration period) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, period)
                        .build())
                .build();
    }

    /** Which allowance is spent and how long until one more request is allowed. */
    record Wait(Refusal refusal, Duration retryAfter) {}
}
