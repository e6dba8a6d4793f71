package kz.qorgau.notification.personcheck;

import java.nio.charset.StandardCharsets;
import kz.qorgau.events.PersonCheckHit;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventCodec;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import kz.qorgau.notification.routing.PoliceNotices;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code qorgau.access} for the person checks' hits (docs/adr/0028) and records their police notices, which
 * the delivery engine sends; the access records themselves are the audit trail's and are skipped unread. The topic
 * is keyed by access id, so hits are not in any order's sequence: each is a fact about its moment, recorded once
 * (received_event) and sent on its own, never parked behind an order. A record that breaks the contract goes
 * through the kit's error handler to {@code qorgau.access-dlt}, after audit-service has kept it raw.
 */
@Component
class PersonCheckHitsListener {

    private final QorgauKafkaProperties kafka;
    private final EventCodec codec;
    private final PoliceNotices policeNotices;

    PersonCheckHitsListener(QorgauKafkaProperties kafka, EventCodec codec, PoliceNotices policeNotices) {
        this.kafka = kafka;
        this.codec = codec;
        this.policeNotices = policeNotices;
    }

    /** The namespaced topic, for the annotation below. */
    public String topic() {
        return kafka.topic(Topics.ACCESS);
    }

    /** The namespaced consumer group, for the annotation below. */
    public String group() {
        return kafka.group(Topics.NOTIFICATION_SERVICE);
    }

    @KafkaListener(id = "person-check-hits", topics = "#{__listener.topic()}", groupId = "#{__listener.group()}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null
                || type.value() == null
                || !PersonCheckHit.TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            // Access records (and any newer type) are the audit trail's: skipped by design, not counted as ignored.
            return;
        }
        EventEnvelope<QorgauEvent> event = codec.decode(record);
        if (EventTypes.of(event.data()) == EventTypes.PERSON_CHECK_HIT) {
            policeNotices.personCheckHit(event.as(PersonCheckHit.class));
        }
    }
}
