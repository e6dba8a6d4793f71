package kz.qorgau.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qorgau.events.TestEvents;
import kz.qorgau.events.catalog.EventType;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.TopicSpec;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.CloudEventExtensions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document must describe exactly the topics and event types the code knows. */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "kz/qorgau/events/asyncapi.yaml";
    private static final String DOCUMENT_DIR = "kz/qorgau/events/";

    private final JsonNode doc = YAMLMapper.builder().build().readTree(TestEvents.resource(DOCUMENT));

    @Test
    void isAnAsyncApi3Document() {
        assertThat(doc.get("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(doc.get("defaultContentType").asString()).isEqualTo("application/json");
    }

    @Test
    void everyRegisteredTypeIsAMessageWithItsCloudEventsTypeAndSchema() {
        Map<String, JsonNode> messagesByType = messagesByType();

        for (EventType<?> type : EventTypes.all()) {
            JsonNode message = messagesByType.get(type.type());
            assertThat(message).as("message for %s", type.type()).isNotNull();
            assertThat(message.get("name").asString()).isEqualTo(type.type());
            assertThat(message.get("contentType").asString()).isEqualTo("application/json");
            assertThat(headerConst(message, "ce_dataschema"))
                    .isEqualTo(type.dataSchema().toString());
            JsonNode payload = message.get("payload");
            assertThat(payload.get("schemaFormat").asString())
                    .isEqualTo("application/schema+json;version=draft-2020-12");
            String ref = payload.get("schema").get("$ref").asString();
            assertThat(resolve(ref)).isEqualTo(type.schemaResource());
            // The referenced file exists.
            assertThat(TestEvents.resource(resolve(ref)))
                    .contains(type.dataSchema().toString());
        }
    }

    @Test
    void namesNoTypeTheCodeDoesNotKnow() {
        assertThat(messagesByType().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        EventTypes.all().stream().map(EventType::type).toList());
    }

    @Test
    void describesTheCloudEventsHeaders() {
        JsonNode headers = doc.at("/components/schemas/cloudEventHeaders");
        Set<String> described = new HashSet<>(headers.get("properties").propertyNames());

        assertThat(described)
                .contains(
                        "ce_id",
                        "ce_type",
                        "ce_source",
                        "ce_specversion",
                        "ce_time",
                        "ce_subject",
                        "ce_dataschema",
                        CloudEventExtensions.header(CloudEventExtensions.SEQUENCE),
                        CloudEventExtensions.header(CloudEventExtensions.PARTITION_KEY),
                        CloudEventExtensions.header(CloudEventExtensions.TRACEPARENT),
                        CloudEventExtensions.header(CloudEventExtensions.TRACESTATE),
                        "content-type");
        List<String> required = new ArrayList<>();
        headers.get("required").forEach(name -> required.add(name.asString()));
        assertThat(required).doesNotContain("ce_traceparent", "ce_tracestate").contains("ce_subjectseq");
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsAChannelWithTheTopicsMessages() {
        for (TopicSpec topic : Topics.all()) {
            for (String address : List.of(topic.name(), topic.deadLetterTopic())) {
                JsonNode channel = channelAt(address);
                assertThat(channel).as("channel for %s", address).isNotNull();
                assertThat(channel.at("/bindings/kafka/partitions").asInt()).isEqualTo(topic.partitions());
                assertThat(channel.at("/bindings/kafka/topicConfiguration/retention.ms")
                                .asLong())
                        .isEqualTo(topic.retention().toMillis());
                List<String> types = new ArrayList<>();
                channel.get("messages").forEach(message -> types.add(typeOf(resolveRef(message))));
                assertThat(types).containsExactlyInAnyOrderElementsOf(topic.eventTypes());
            }
        }
    }

    @Test
    void channelsAreExactlyTheTopicsAndTheirDeadLetterTopics() {
        List<String> addresses = new ArrayList<>();
        doc.get("channels")
                .forEach(channel -> addresses.add(channel.get("address").asString()));
        List<String> expected = new ArrayList<>();
        Topics.all().forEach(topic -> {
            expected.add(topic.name());
            expected.add(topic.deadLetterTopic());
        });

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theProducerSendsAndEachConsumerReceivesEveryTopic() {
        for (TopicSpec topic : Topics.all()) {
            List<String> senders = new ArrayList<>();
            List<String> receivers = new ArrayList<>();
            doc.get("operations").forEach(operation -> {
                if (!topic.name()
                        .equals(resolveRef(operation.get("channel"))
                                .get("address")
                                .asString())) {
                    return;
                }
                if (operation.get("action").asString().equals("send")) {
                    operation.at("/bindings/kafka/clientId/enum").forEach(id -> senders.add(id.asString()));
                } else {
                    operation.at("/bindings/kafka/groupId/enum").forEach(id -> receivers.add(id.asString()));
                }
                List<String> types = new ArrayList<>();
                operation.get("messages").forEach(message -> types.add(typeOf(resolveRef(message))));
                assertThat(types).containsExactlyInAnyOrderElementsOf(topic.eventTypes());
            });
            assertThat(senders).as("senders on %s", topic.name()).containsExactly(topic.producer());
            assertThat(receivers)
                    .as("receivers on %s", topic.name())
                    .containsExactlyInAnyOrderElementsOf(topic.consumers());
        }
    }

    private Map<String, JsonNode> messagesByType() {
        Map<String, JsonNode> byType = new HashMap<>();
        doc.at("/components/messages").forEach(message -> byType.put(typeOf(message), message));
        return byType;
    }

    /** The ce_type const of a message's headers. */
    private String typeOf(JsonNode message) {
        return headerConst(message, "ce_type");
    }

    private String headerConst(JsonNode message, String header) {
        for (JsonNode part : message.at("/headers/allOf")) {
            JsonNode value = part.at("/properties/" + header + "/const");
            if (!value.isMissingNode()) {
                return value.asString();
            }
        }
        throw new AssertionError("message " + message.get("name") + " has no const " + header);
    }

    private JsonNode channelAt(String address) {
        for (JsonNode channel : doc.get("channels")) {
            if (channel.get("address").asString().equals(address)) {
                return channel;
            }
        }
        return null;
    }

    /** Follows local $refs (possibly chained, e.g. operation → channel message → component message). */
    private JsonNode resolveRef(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asString();
            assertThat(ref).startsWith("#/");
            current = doc.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("dangling $ref %s", ref).isFalse();
        }
        return current;
    }

    private static String resolve(String relativeRef) {
        assertThat(relativeRef).startsWith("./");
        return DOCUMENT_DIR + relativeRef.substring(2);
    }
}
