package kz.qorgau.events.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.EventContractException;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.TestEvents;
import kz.qorgau.events.catalog.EventType;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.json.EventJson;
import kz.qorgau.events.sealed.SealedField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checked-in JSON schemas, the examples and the records must agree, and the schemas must allow
 * the additions a tolerant reader accepts.
 */
class JsonSchemaContractTest {

    /** Property and component names that would suggest personal data in clear. */
    private static final Pattern PERSONAL_DATA =
            Pattern.compile("(?i).*(name|phone|mail|iin|address|birth|passport|surname|patronymic).*");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    // Format assertions on: in 2020-12 "format" is only an annotation by default.
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final EventCodec codec = new EventCodec();

    static Stream<EventType<?>> types() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaIsAValidDraft202012SchemaForTheType(EventType<?> type) {
        JsonNode schemaNode = json(TestEvents.resource(type.schemaResource()));
        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

        assertThat(metaSchema.validate(schemaNode)).isEmpty();
        assertThat(schemaNode.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schemaNode.get("$id").asString()).isEqualTo(type.dataSchema().toString());
        assertThat(schemaNode.get("required")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaLeavesTheTopLevelOpenForNewFields(EventType<?> type) {
        JsonNode schemaNode = json(TestEvents.resource(type.schemaResource()));

        for (String closing : List.of("additionalProperties", "unevaluatedProperties")) {
            JsonNode value = schemaNode.get(closing);
            assertThat(value == null || !value.isBoolean() || value.asBoolean())
                    .as("%s must not set %s: false", type.name(), closing)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaPropertiesAreExactlyTheRecordComponents(EventType<?> type) {
        JsonNode schemaNode = json(TestEvents.resource(type.schemaResource()));
        Set<String> properties = new HashSet<>(schemaNode.get("properties").propertyNames());
        Set<String> components = new HashSet<>();
        for (RecordComponent component : type.eventClass().getRecordComponents()) {
            components.add(component.getName());
        }

        assertThat(properties).isEqualTo(components);
    }

    @ParameterizedTest
    @MethodSource("types")
    void exampleValidates(EventType<?> type) {
        assertThat(schema(type).validate(example(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void exampleReadsIntoTheRecordAndIsExactlyWhatTheRecordWritesBack(EventType<?> type) {
        JsonNode example = example(type);

        QorgauEvent event = codec.readData(type, bytes(example));
        JsonNode written = json(codec.writeData(event));

        assertThat(event).isInstanceOf(type.eventClass());
        assertThat(schema(type).validate(written)).isEmpty();
        assertThat(written).isEqualTo(example);
    }

    @ParameterizedTest
    @MethodSource("types")
    void sampleRecordWritesValidJson(EventType<?> type) {
        QorgauEvent sample = TestEvents.all().stream()
                .filter(type.eventClass()::isInstance)
                .findFirst()
                .orElseThrow();

        assertThat(schema(type).validate(json(codec.writeData(sample)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void unknownPropertiesStillValidateAndRead(EventType<?> type) {
        ObjectNode example = example(type);
        example.put("addedInV1_1", "a later producer's field");
        example.putObject("addedBlock").put("level", 3);
        example.properties().forEach(entry -> {
            if (entry.getValue() instanceof ObjectNode nested) {
                nested.put("nestedAddition", true);
            }
        });

        assertThat(schema(type).validate(example)).isEmpty();
        assertThat(codec.readData(type, bytes(example))).isEqualTo(codec.readData(type, bytes(example(type))));
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyRequiredFieldIsRequiredByTheSchemaAndTheRecord(EventType<?> type) {
        List<String> required = new ArrayList<>();
        json(TestEvents.resource(type.schemaResource())).get("required").forEach(name -> required.add(name.asString()));

        for (String field : required) {
            ObjectNode example = example(type);
            example.remove(field);

            List<Error> errors = schema(type).validate(example);
            assertThat(errors).as("schema errors without %s", field).isNotEmpty();
            assertThat(errors.get(0).getKeyword()).isEqualTo("required");
            assertThatThrownBy(() -> codec.readData(type, bytes(example)))
                    .as("reading %s without %s", type.name(), field)
                    .isInstanceOfSatisfying(EventContractException.class, e -> {
                        assertThat(e.eventType()).isEqualTo(type.type());
                        assertThat(e.field()).isEqualTo(field);
                    });
        }
    }

    @Test
    void formatsAreAsserted() {
        EventType<?> type = EventTypes.NOTIFICATION_SENT;
        ObjectNode badUuid = example(type);
        badUuid.put("notificationId", "not-a-uuid");
        ObjectNode badTime = example(type);
        badTime.put("sentAt", "yesterday");
        ObjectNode freeText = example(EventTypes.NOTIFICATION_FAILED);
        freeText.put("reason", "550 victim@example.invalid unknown");

        assertThat(schema(type).validate(badUuid)).extracting(Error::getKeyword).contains("format");
        assertThat(schema(type).validate(badTime)).extracting(Error::getKeyword).contains("format");
        assertThat(schema(EventTypes.NOTIFICATION_FAILED).validate(freeText))
                .extracting(Error::getKeyword)
                .contains("pattern");
    }

    @Test
    void nestedRequiredFieldsAndEnumsAreChecked() {
        EventType<?> type = EventTypes.ORDER_ISSUED;
        ObjectNode noLaw = example(type);
        ((ObjectNode) noLaw.get("legalBasis")).remove("law");
        ObjectNode unknownProhibition = example(type);
        unknownProhibition.putArray("prohibitions").add("TELEPORTING_VICTIM");
        ObjectNode noProhibitions = example(type);
        noProhibitions.putArray("prohibitions");
        ObjectNode sealedWithoutNonce = example(type);
        ((ObjectNode) sealedWithoutNonce.get("victimContact")).remove("nonce");

        assertThat(schema(type).validate(noLaw)).isNotEmpty();
        assertThat(schema(type).validate(unknownProhibition)).isNotEmpty();
        assertThat(schema(type).validate(noProhibitions)).isNotEmpty();
        assertThat(schema(type).validate(sealedWithoutNonce)).isNotEmpty();
    }

    static Stream<AccessRecorded> accessRecords() {
        return TestEvents.accessRecords().stream();
    }

    @ParameterizedTest
    @MethodSource("accessRecords")
    void everyAccessKindWritesJsonTheSchemaAcceptsAndReadsBack(AccessRecorded access) {
        JsonNode written = json(codec.writeData(access));

        assertThat(schema(EventTypes.ACCESS_RECORDED).validate(written)).isEmpty();
        assertThat(codec.readData(EventTypes.ACCESS_RECORDED, bytes(written))).isEqualTo(access);
        // subject() is a method, not a property: the data carry orderId and accessId only.
        assertThat(written.has("subject")).isFalse();
    }

    @Test
    void theAccessExampleIsTheBreakGlassReadSample() {
        assertThat(codec.readData(EventTypes.ACCESS_RECORDED, bytes(example(EventTypes.ACCESS_RECORDED))))
                .isEqualTo(TestEvents.breakGlassRead());
    }

    /** Each access the record refuses, the schema refuses too, so non-Java readers get the same rules. */
    @Test
    void theAccessSchemaAndRecordRefuseTheSameBrokenRules() {
        Map<String, ObjectNode> broken = new LinkedHashMap<>();
        broken.put("contacts read without purpose", access(TestEvents.victimContactsRead(), a -> a.putNull("purpose")));
        broken.put("contacts read, purpose absent", access(TestEvents.victimContactsRead(), a -> a.remove("purpose")));
        broken.put("contacts read, blank purpose", access(TestEvents.victimContactsRead(), a -> a.put("purpose", " ")));
        broken.put(
                "contacts read, purpose too long",
                access(TestEvents.victimContactsRead(), a -> a.put("purpose", "x".repeat(501))));
        broken.put("contacts read without order", access(TestEvents.victimContactsRead(), a -> {
            a.putNull("orderId");
            a.putNull("orderDistrict");
        }));
        broken.put("contacts read, 1 match", access(TestEvents.victimContactsRead(), a -> a.put("matchedOrders", 1)));
        broken.put(
                "contacts read with a grant",
                access(TestEvents.victimContactsRead(), a -> a.set("breakGlass", grant(TestEvents.breakGlassRead()))));
        broken.put("break-glass read without grant", access(TestEvents.breakGlassRead(), a -> a.putNull("breakGlass")));
        broken.put(
                "break-glass grant, grant absent", access(TestEvents.breakGlassGranted(), a -> a.remove("breakGlass")));
        broken.put(
                "break-glass read not for review",
                access(TestEvents.breakGlassRead(), a -> a.put("requiresReview", false)));
        broken.put(
                "break-glass read, blank reason",
                access(TestEvents.breakGlassRead(), a -> ((ObjectNode) a.get("breakGlass")).put("reason", "")));
        broken.put(
                "break-glass read, no reason",
                access(TestEvents.breakGlassRead(), a -> ((ObjectNode) a.get("breakGlass")).remove("reason")));
        broken.put(
                "break-glass read, grant id not a UUID",
                access(TestEvents.breakGlassRead(), a -> ((ObjectNode) a.get("breakGlass")).put("grantId", "g-1")));
        broken.put(
                "person check naming an order",
                access(TestEvents.personCheck(), a -> a.put("orderId", TestEvents.ORDER_ID)));
        broken.put(
                "person check naming a district of no order",
                access(TestEvents.personCheck(), a -> a.put("orderDistrict", "AST-ESIL")));
        broken.put(
                "person check with a grant",
                access(TestEvents.personCheck(), a -> a.set("breakGlass", grant(TestEvents.breakGlassRead()))));
        broken.put("person check, negative matches", access(TestEvents.personCheck(), a -> a.put("matchedOrders", -1)));
        broken.put("a value where a field name belongs", access(TestEvents.personCheck(), a -> a.putArray("fields")
                .add("+77010000000")));
        broken.put("duplicate field names", access(TestEvents.personCheck(), a -> a.putArray("fields")
                .add("victim.contacts")
                .add("victim.contacts")));
        broken.put("actor without roles", access(TestEvents.personCheck(), a -> ((ObjectNode) a.get("actor"))
                .putArray("roles")));
        broken.put("actor with a free-text role", access(TestEvents.personCheck(), a -> ((ObjectNode) a.get("actor"))
                .putArray("roles")
                .add("chief")));
        broken.put("actor with a blank subject", access(TestEvents.personCheck(), a -> ((ObjectNode) a.get("actor"))
                .put("subject", " ")));
        broken.put("unknown kind", access(TestEvents.personCheck(), a -> a.put("kind", "BULK_EXPORT")));

        broken.forEach((what, data) -> {
            assertThat(schema(EventTypes.ACCESS_RECORDED).validate(data))
                    .as("schema errors for %s", what)
                    .isNotEmpty();
            assertThatThrownBy(() -> codec.readData(EventTypes.ACCESS_RECORDED, bytes(data)))
                    .as("reading %s", what)
                    .isInstanceOf(EventContractException.class);
        });
    }

    @Test
    void aPersonCheckNeedsNoPurposeOrderOrGrant() {
        ObjectNode minimal = access(TestEvents.personCheck(), a -> {
            a.remove("orderId");
            a.remove("orderDistrict");
            a.remove("purpose");
            a.remove("breakGlass");
            ((ObjectNode) a.get("actor")).remove("district");
        });

        assertThat(schema(EventTypes.ACCESS_RECORDED).validate(minimal)).isEmpty();
        AccessRecorded read = codec.readData(EventTypes.ACCESS_RECORDED, bytes(minimal));
        assertThat(read.orderId()).isNull();
        assertThat(read.purpose()).isNull();
        assertThat(read.breakGlass()).isNull();
        assertThat(read.actor().district()).isNull();
        assertThat(read.subject()).isEqualTo(read.accessId());
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemasNameNoPersonalDataOutsideSealedFields(EventType<?> type) {
        List<String> names = new ArrayList<>();
        collectPropertyNames(json(TestEvents.resource(type.schemaResource())), names);

        assertThat(names)
                .isNotEmpty()
                .noneMatch(name -> PERSONAL_DATA.matcher(name).matches());
    }

    @ParameterizedTest
    @MethodSource("types")
    void recordsNameNoPersonalDataOutsideSealedFields(EventType<?> type) {
        List<String> names = new ArrayList<>();
        collectComponentNames(type.eventClass(), names);

        assertThat(names)
                .isNotEmpty()
                .noneMatch(name -> PERSONAL_DATA.matcher(name).matches());
    }

    private static void collectPropertyNames(JsonNode schema, List<String> names) {
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            properties.properties().forEach(entry -> {
                names.add(entry.getKey());
                JsonNode ref = entry.getValue().get("$ref");
                // The sealed field's inside is ciphertext; its own property names are not data.
                if (ref == null || !ref.asString().endsWith("/sealedField")) {
                    collectPropertyNames(entry.getValue(), names);
                }
            });
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            collectPropertyNames(items, names);
        }
    }

    private static void collectComponentNames(Class<?> recordClass, List<String> names) {
        for (RecordComponent component : recordClass.getRecordComponents()) {
            names.add(component.getName());
            for (Class<?> nested : classesIn(component.getGenericType())) {
                if (nested.isRecord() && nested != SealedField.class) {
                    collectComponentNames(nested, names);
                }
            }
        }
    }

    private static List<Class<?>> classesIn(Type type) {
        if (type instanceof Class<?> plain) {
            return List.of(plain);
        }
        if (type instanceof ParameterizedType parameterized) {
            return Arrays.stream(parameterized.getActualTypeArguments())
                    .flatMap(argument -> classesIn(argument).stream())
                    .toList();
        }
        return List.of();
    }

    private ObjectNode access(AccessRecorded sample, Consumer<ObjectNode> change) {
        ObjectNode data = (ObjectNode) json(codec.writeData(sample));
        change.accept(data);
        return data;
    }

    private JsonNode grant(AccessRecorded sample) {
        return json(codec.writeData(sample)).get("breakGlass");
    }

    private static Schema schema(EventType<?> type) {
        return REGISTRY.getSchema(json(TestEvents.resource(type.schemaResource())));
    }

    private static ObjectNode example(EventType<?> type) {
        return (ObjectNode) json(TestEvents.resource(type.exampleResource()));
    }

    private static JsonNode json(String text) {
        return EventJson.mapper().readTree(text);
    }

    private static JsonNode json(byte[] bytes) {
        return EventJson.mapper().readTree(bytes);
    }

    private static byte[] bytes(JsonNode node) {
        return EventJson.mapper().writeValueAsBytes(node);
    }
}
