package kz.qorgau.bench.relay;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest application the kit's outbox runs in: a data source, Flyway (the kit's tables), Kafka's
 * producer settings and {@code qorgau.outbox.enabled=true}. Nothing of a service: the relay is measured
 * alone.
 */
@SpringBootApplication
public class RelayBenchApplication {}
