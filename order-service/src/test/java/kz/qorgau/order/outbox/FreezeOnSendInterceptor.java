package kz.qorgau.order.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * TEST HOOK, loaded only into a packaged order-service that a test runs as a child process (through
 * {@code qorgau.outbox.relay.producer-properties.interceptor.classes}). The first time the relay sends an
 * event of the order named by the system property {@value #FREEZE_ON_KEY}, the process sends itself
 * SIGSTOP: it freezes after the relay read its round's events and before this one is handed to Kafka,
 * the worst moment for a leader to freeze. The test resumes it with SIGCONT.
 */
public class FreezeOnSendInterceptor implements ProducerInterceptor<Object, Object> {

    static final String FREEZE_ON_KEY = "qorgau.test.freeze-on-key";

    private static final AtomicBoolean FROZEN = new AtomicBoolean();

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        String key = System.getProperty(FREEZE_ON_KEY);
        if (key != null && key.equals(record.key()) && FROZEN.compareAndSet(false, true)) {
            System.out.println("FreezeOnSendInterceptor: freezing before sending " + key);
            System.out.flush();
            try {
                new ProcessBuilder(
                                "kill",
                                "-STOP",
                                Long.toString(ProcessHandle.current().pid()))
                        .inheritIO()
                        .start()
                        .waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("FreezeOnSendInterceptor: resumed, sending " + key);
            System.out.flush();
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
