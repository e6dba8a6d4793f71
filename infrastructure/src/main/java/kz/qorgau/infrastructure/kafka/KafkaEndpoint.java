package kz.qorgau.infrastructure.kafka;

import java.util.Objects;
import kz.qorgau.infrastructure.Source;

/** A Kafka cluster to connect to, and where it came from. */
public record KafkaEndpoint(String bootstrapServers, Source source) {

    public KafkaEndpoint {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(source, "source");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
    }
}
