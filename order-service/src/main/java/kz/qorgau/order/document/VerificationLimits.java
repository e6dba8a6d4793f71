package kz.qorgau.order.document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The public verification's rate limits, in memory: one allowance per client address (a bounded,
 * least-recently-used set of them) and one for the whole instance, so that neither one client nor many
 * together can make verification a load on the database. Each instance counts its own: the codes' 120
 * bits make guessing hopeless at any rate, the limits only protect the service.
 */
@Component
class VerificationLimits {

    static final String REFUSED_METRIC = "qorgau.document_verifications.refused";

    private final Cache<String, Bucket> clients;
    private final Bucket instance;
    private final int perMinute;
    private final Counter refused;

    VerificationLimits(DocumentProperties properties, MeterRegistry meters) {
        this.perMinute = properties.verificationsPerMinute();
        this.clients = Caffeine.newBuilder()
                .maximumSize(properties.clientsRemembered())
                .expireAfterAccess(Duration.ofMinutes(2))
                .build();
        this.instance = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.verificationsPerSecond())
                        .refillGreedy(properties.verificationsPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
        this.refused = Counter.builder(REFUSED_METRIC)
                .description("Public document verifications refused for volume")
                .register(meters);
    }

    /** Whether {@code client} may verify now; a refusal is counted. */
    boolean tryVerify(String client) {
        Bucket bucket = clients.get(client, address -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
        boolean allowed = bucket.tryConsume(1) && instance.tryConsume(1);
        if (!allowed) {
            refused.increment();
        }
        return allowed;
    }
}
