package kz.qorgau.order.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import kz.qorgau.testsupport.kafka.EventTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the topic holds per order: the sequence numbers of its events, in topic (partition) order. */
final class PublishedSequences {

    private PublishedSequences() {}

    /**
     * Waits until every order has events 1..{@code count} on the topic, then asserts each order's are in
     * sequence: every number after the previous one. A repeat of an event is tolerated (delivery is at
     * least once: a send whose acknowledgement was lost goes again), a step back past a later event is not.
     */
    static Map<String, List<Long>> awaitInOrder(
            EventTopicReader reader, Collection<String> orderIds, int count, Duration within) {
        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        await().atMost(within).until(() -> {
            List<ConsumerRecord<String, byte[]>> records = reader.drain(Duration.ofMillis(200));
            sequences.clear();
            orderIds.forEach(id -> sequences.put(id, of(records, id)));
            return sequences.values().stream()
                    .allMatch(seen -> seen.stream().distinct().count() >= count);
        });
        List<Long> expected = LongStream.rangeClosed(1, count).boxed().toList();
        sequences.forEach((id, seen) -> {
            assertThat(seen.stream().distinct().toList())
                    .as("order %s published %s", id, seen)
                    .isEqualTo(expected);
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i)).as("order %s published %s", id, seen).isGreaterThanOrEqualTo(seen.get(i - 1));
            }
        });
        return sequences;
    }

    /** One order's sequence numbers in the order the topic holds them. */
    static List<Long> of(List<ConsumerRecord<String, byte[]>> records, String orderId) {
        List<Long> sequences = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (orderId.equals(record.key())) {
                sequences.add(EventTopicReader.decode(record).sequence());
            }
        }
        return sequences;
    }
}
