package kz.qorgau.kit.parking;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What will never be done if a parked head is discarded, in a service's words, so that people can be
 * told by hand (notification-service: the notices that will now never be sent). Must not include a
 * victim's personal data: it goes into the operator's answer and the audit event.
 */
@FunctionalInterface
public interface DiscardConsequences {

    List<String> neverDone(ConsumerRecord<String, byte[]> head);

    /** For a service that has nothing to say about a discarded record. */
    static DiscardConsequences none() {
        return head -> List.of();
    }
}
