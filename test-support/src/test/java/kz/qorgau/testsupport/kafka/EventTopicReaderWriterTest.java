package kz.qorgau.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import kz.qorgau.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The writer and reader that service tests rely on, against real brokers. */
class EventTopicReaderWriterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anEventWrittenIsReadBackAsTheSameCloudEventAndPoisonIsRejectedByDecode() throws Exception {
        try (TestInfrastructure infrastructure = TestInfrastructure.create("readerwriter", false)) {
            String topic = infrastructure.topic(Topics.ORDERS_TOPIC);
            infrastructure.createTopics(Topics.ORDERS);
            TopicAssertions.assertTopic(
                    infrastructure.kafka(),
                    infrastructure.topic(Topics.ORDERS_DLT_TOPIC),
                    6,
                    Topics.ORDERS.retention());
            EventEnvelope<OrderIssued> issued = EventEnvelope.of(EventSources.ORDER_SERVICE, 1, exampleOrder());

            try (var writer = EventTopicWriter.open(infrastructure.kafka());
                    var reader = EventTopicReader.open(infrastructure.kafka(), topic)) {
                writer.send(topic, issued);
                writer.sendRaw(topic, issued.subject(), "not a cloud event".getBytes(StandardCharsets.UTF_8), Map.of());

                var records = reader.awaitRawRecords(2, WAIT);
                assertThat(records.get(0).key()).isEqualTo(issued.subject());
                assertThat(EventTopicReader.decode(records.get(0))).isEqualTo(issued);
                assertThatThrownBy(() -> EventTopicReader.decode(records.get(1)))
                        .hasMessageContaining("CloudEvents");
            }
        }
    }

    @Test
    void aDedicatedBrokerKeepsItsRecordsAcrossAStopAndStart() throws Exception {
        try (TestInfrastructure infrastructure = TestInfrastructure.create("dedicated", false, true)) {
            assertThat(infrastructure.kafka()).isEqualTo(infrastructure.broker().endpoint());
            String topic = infrastructure.topic(Topics.ORDERS_TOPIC);
            createTopic(infrastructure.kafka(), topic);
            EventEnvelope<OrderIssued> issued = EventEnvelope.of(EventSources.ORDER_SERVICE, 1, exampleOrder());
            try (var writer = EventTopicWriter.open(infrastructure.kafka())) {
                writer.send(topic, issued);
            }

            infrastructure.broker().stop();
            assertThat(infrastructure.broker().isRunning()).isFalse();
            infrastructure.broker().start();

            try (var reader = EventTopicReader.open(infrastructure.kafka(), topic)) {
                assertThat(reader.awaitEvents(1, WAIT)).containsExactly(narrow(issued));
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EventEnvelope narrow(EventEnvelope<?> envelope) {
        return envelope;
    }

    private static OrderIssued exampleOrder() throws IOException {
        try (var example = OrderIssued.class.getResourceAsStream("/" + EventTypes.ORDER_ISSUED.exampleResource())) {
            return new EventCodec().readData(EventTypes.ORDER_ISSUED, example.readAllBytes());
        }
    }

    private static void createTopic(KafkaEndpoint kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }
}
