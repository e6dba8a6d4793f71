package kz.qorgau.audit.checkpoint;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the newest checkpoint back from the checkpoint topic directly: an assigned partition, no consumer
 * group, nothing committed (docs/adr/0023). The topic is the copy of the checkpoints that whoever controls
 * the audit database cannot rewrite.
 */
final class CheckpointTopicReader {

    private CheckpointTopicReader() {}

    /** The newest signed note on the topic, if any; waits at most {@code timeout}. */
    static Optional<String> newest(String bootstrapServers, String topic, Duration timeout) {
        AtomicReference<String> newest = new AtomicReference<>();
        TopicReader.read(bootstrapServers, topic, 1, timeout, record -> newest.set(record.value()));
        return Optional.ofNullable(newest.get());
    }
}
