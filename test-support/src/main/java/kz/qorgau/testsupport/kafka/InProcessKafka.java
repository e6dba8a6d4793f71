package kz.qorgau.testsupport.kafka;

import kz.qorgau.infrastructure.Source;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real KRaft broker inside the test JVM, for tests that never stop it. Tests that stop or kill
 * the broker use {@link kz.qorgau.infrastructure.kafka.KafkaBrokerProcess} instead.
 */
public final class InProcessKafka {

    private static EmbeddedKafkaKraftBroker broker;

    private InProcessKafka() {}

    public static synchronized KafkaEndpoint start() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 6);
            broker.brokerProperty("auto.create.topics.enable", "false");
            broker.brokerProperty("transaction.state.log.replication.factor", "1");
            broker.brokerProperty("transaction.state.log.min.isr", "1");
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "in-process-kafka-stop"));
        }
        return new KafkaEndpoint(broker.getBrokersAsString(), Source.IN_PROCESS);
    }
}
