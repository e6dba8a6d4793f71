package kz.qorgau.events.catalog;

import java.net.URI;
import java.util.regex.Pattern;
import kz.qorgau.events.QorgauEvent;

/**
 * One registered event type: its CloudEvents type string, its record, and (derived from the type
 * string, so they cannot drift) its JSON schema, example and data schema URI.
 *
 * @param type the versioned CloudEvents type, e.g. {@code kz.qorgau.order.issued.v1}
 * @param eventClass the record the data maps to
 * @param topic the name of the topic it is published on
 */
public record EventType<T extends QorgauEvent>(String type, Class<T> eventClass, String topic) {

    /** Every type starts with this; the rest names the schema file. */
    public static final String TYPE_PREFIX = "kz.qorgau.";

    private static final Pattern TYPE_PATTERN = Pattern.compile("^kz\\.qorgau(\\.[a-z][a-z0-9]*)+\\.v[1-9][0-9]*$");
    private static final String RESOURCE_ROOT = "kz/qorgau/events/";

    /** Whether a type string has the contract's form {@code kz.qorgau.<noun>.<verb>.v<n>}. */
    public static boolean isWellFormed(String type) {
        return type != null && TYPE_PATTERN.matcher(type).matches();
    }

    public EventType {
        if (!isWellFormed(type)) {
            throw new IllegalArgumentException("event type must look like kz.qorgau.<noun>.<verb>.v<n>: " + type);
        }
        if (eventClass == null || !eventClass.isRecord() || topic == null) {
            throw new IllegalArgumentException("event type " + type + " needs a record class and a topic");
        }
        // Deliberately no Topics lookup here: Topics builds its lists from EventTypes during class init.
    }

    /** The type without {@value #TYPE_PREFIX}, e.g. {@code order.issued.v1}; names the schema files. */
    public String name() {
        return type.substring(TYPE_PREFIX.length());
    }

    /** Class-path resource of the JSON schema (draft 2020-12). */
    public String schemaResource() {
        return RESOURCE_ROOT + "schemas/" + name() + ".json";
    }

    /** Class-path resource of an example payload that validates against the schema. */
    public String exampleResource() {
        return RESOURCE_ROOT + "examples/" + name() + ".json";
    }

    /** The CloudEvents {@code dataschema}: the {@code $id} of the JSON schema. */
    public URI dataSchema() {
        return URI.create("urn:qorgau:events:schema:" + name());
    }

    /** The catalogue entry of {@link #topic()}. */
    public TopicSpec topicSpec() {
        return Topics.byName(topic).orElseThrow(() -> new IllegalStateException("unknown topic " + topic));
    }
}
