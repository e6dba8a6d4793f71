package kz.qorgau.order.platform.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.idempotency.*}.
 *
 * @param ttl how long a key keeps its first result; after that the key may be used afresh
 * @param purgeInterval how often expired keys are deleted
 */
@ConfigurationProperties("qorgau.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("1h") Duration purgeInterval) {

    public IdempotencyProperties {
        if (ttl.isNegative() || ttl.isZero() || purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("qorgau.idempotency.ttl and purge-interval must be positive");
        }
    }
}
