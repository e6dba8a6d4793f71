package kz.qorgau.notification.orders;

import kz.qorgau.events.catalog.Topics;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import kz.qorgau.kit.parking.SequencedParking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code qorgau.orders}: one record at a time, blocking, so one order's events are handled in
 * their order; the offset is committed only after the record was handled, parked or dead-lettered.
 * Each record goes through the kit's parking (docs/adr/0019): an order whose record was dead-lettered
 * has its later records parked behind it, after their urgent police notices ({@link OrderEvents}).
 */
@Component
class OrderEventsListener {

    private final QorgauKafkaProperties kafka;
    private final SequencedParking parking;

    OrderEventsListener(QorgauKafkaProperties kafka, SequencedParking parking) {
        this.kafka = kafka;
        this.parking = parking;
    }

    /** The namespaced topic, for the annotation below. */
    public String topic() {
        return kafka.topic(Topics.ORDERS);
    }

    /** The namespaced consumer group, for the annotation below. */
    public String group() {
        return kafka.group(Topics.NOTIFICATION_SERVICE);
    }

    @KafkaListener(id = "order-events", topics = "#{__listener.topic()}", groupId = "#{__listener.group()}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        parking.consume(record);
    }
}
