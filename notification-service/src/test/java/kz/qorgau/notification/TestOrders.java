package kz.qorgau.notification;

import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.Prohibition;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.ViolationReported;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.events.sealed.SealedFieldCipher;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;

/** Orders as order-service issues them, and records as a broken producer might write them. */
final class TestOrders {

    static final EventCodec CODEC = new EventCodec();

    /** order-service's copy of the key ring: the LOCAL-ONLY DEMO key of application.yml. */
    static final SealedFieldCipher ORDER_SERVICE_CIPHER = SealedFieldCipher.fromBase64Keys(
            Map.of("local-demo-1", "zNCDUjXb06fj17a5/Ou1vsQSflnxWQAaNFKUG8F6XhA="), "local-demo-1");

    /**
     * Made-up victim data; none of it may appear in a duty unit's e-mail. Her contacts are not opted in, so these
     * tests see police notices only; {@code VictimContactsTest} is the victim's side (docs/adr/0030).
     */
    static final VictimContact VICTIM = new VictimContact(
            "Айгүл Серікқызы Тестова",
            "+77015550123",
            "aigul.victim@mail.example.kz",
            "Абай даңғылы 150, 42",
            "kk",
            VictimContact.CURRENT_VERSION,
            List.of(
                    new VictimContact.ContactPoint(NotificationChannel.SMS, "+77015550123", "kk", null, false),
                    new VictimContact.ContactPoint(
                            NotificationChannel.EMAIL, "aigul.victim@mail.example.kz", "kk", null, false)));

    static final List<String> VICTIM_DATA =
            List.of(VICTIM.fullName(), VICTIM.phone(), VICTIM.email(), VICTIM.address(), "Тестова", "5550123");

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private TestOrders() {}

    /** An order id whose records the default partitioner puts on {@code partition} of qorgau.orders. */
    static String orderIdOnPartition(int partition) {
        while (true) {
            String orderId = UUID.randomUUID().toString();
            if (partitionOf(orderId) == partition) {
                return orderId;
            }
        }
    }

    /** The partition of qorgau.orders the default partitioner chooses for a key. */
    static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % Topics.ORDERS.partitions();
    }

    /** A new order of the district, its victim contact sealed for this very order. */
    static OrderIssued order(String district) {
        String orderId = UUID.randomUUID().toString();
        return order(orderId, district, seal(orderId));
    }

    static OrderIssued order(String orderId, String district, SealedField victimContact) {
        return new OrderIssued(
                orderId,
                district.substring(0, 3) + "-2026-" + String.format("%06d", NUMBERS.incrementAndGet())
                        + orderId.substring(0, 4).toUpperCase(),
                district,
                district + "-UP-02",
                "officer-48213",
                List.of(Prohibition.DOMESTIC_VIOLENCE, Prohibition.CONTACTING_VICTIM),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                null,
                new LegalBasis("KZ-214-IV", "20", "2024-06-16"),
                victimContact);
    }

    /** The victim contact sealed as order-service seals it, bound to {@code orderId}. */
    static SealedField seal(String orderId) {
        return seal(orderId, VICTIM);
    }

    static SealedField seal(String orderId, VictimContact contact) {
        return ORDER_SERVICE_CIPHER.sealJson(
                contact, SealedFieldCipher.binding(orderId, OrderIssued.VICTIM_CONTACT_FIELD));
    }

    static EventEnvelope<OrderIssued> issued(OrderIssued order) {
        return EventEnvelope.of(EventSources.ORDER_SERVICE, 1, order);
    }

    static EventEnvelope<OrderIssued> issued(String district) {
        return issued(order(district));
    }

    /** A violation of the order reported from a 102 call a minute ago, as the order's event {@code sequence}. */
    static EventEnvelope<ViolationReported> violation(
            String orderId, String orderNumber, String district, long sequence) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return EventEnvelope.of(
                EventSources.ORDER_SERVICE,
                sequence,
                new ViolationReported(
                        orderId,
                        orderNumber,
                        district,
                        district + "-UP-02",
                        UUID.randomUUID().toString(),
                        ViolationReported.Source.CALL_102,
                        "officer-48213",
                        List.of(Prohibition.CONTACTING_VICTIM),
                        new LegalBasis("KZ-CAO-235-V", "461", "2024-06-16"),
                        now.minusSeconds(60),
                        now));
    }

    /** The headers and value a well-behaved producer writes for the envelope. */
    static RawRecord raw(EventEnvelope<?> envelope) {
        var headers = new RecordHeaders();
        var serializer = new CloudEventSerializer();
        serializer.configure(Map.of(), false);
        byte[] value = serializer.serialize("any", headers, CODEC.toCloudEvent(envelope));
        Map<String, String> map = new LinkedHashMap<>();
        for (Header header : headers) {
            map.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return new RawRecord(map, value);
    }

    record RawRecord(Map<String, String> headers, byte[] value) {

        RawRecord withHeader(String name, String header) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put(name, header);
            return new RawRecord(changed, value);
        }

        RawRecord withValue(byte[] changed) {
            return new RawRecord(headers, changed);
        }
    }
}
