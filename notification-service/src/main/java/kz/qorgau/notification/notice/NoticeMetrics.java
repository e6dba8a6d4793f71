package kz.qorgau.notification.notice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counters of notices by outcome; tagged by channel and recipient role, never by address. */
@Component
class NoticeMetrics {

    private final MeterRegistry meters;

    NoticeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void sent(Recipient recipient) {
        Counter.builder("qorgau.notices.sent")
                .description("Notices a channel accepted")
                .tag("channel", recipient.channel().name())
                .tag("recipient.role", recipient.role())
                .register(meters)
                .increment();
    }

    void failed(Recipient recipient, String reason) {
        Counter.builder("qorgau.notices.failed")
                .description("Notices given up after their attempts")
                .tag("channel", recipient.channel().name())
                .tag("recipient.role", recipient.role())
                .tag("reason", reason)
                .register(meters)
                .increment();
    }
}
