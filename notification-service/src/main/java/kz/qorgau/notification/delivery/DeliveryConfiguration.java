package kz.qorgau.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import kz.qorgau.kit.tracing.Traces;
import kz.qorgau.notification.outcome.OutcomeOutbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** The delivery engine and its channels (docs/adr/0022). */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean(destroyMethod = "destroy")
    SmtpConnections smtpConnections(JavaMailSenderImpl mail, EmailProperties email, Clock clock) {
        return new SmtpConnections(mail, email.connections(), email.maxIdle(), clock);
    }

    @Bean
    EmailChannel emailChannel(SmtpConnections connections, EmailProperties email) {
        return new EmailChannel(connections, email.from(), email.contactFrom());
    }

    @Bean
    WebhookChannel webhookChannel(WebhookProperties webhook, Clock clock) {
        return new WebhookChannel(webhook, clock);
    }

    @Bean
    SmsChannel smsChannel(SmsProperties sms, Clock clock) {
        return new SmsChannel(sms, clock);
    }

    @Bean
    ChannelGuards channelGuards(List<Channel> channels, DeliveryProperties properties, MeterRegistry meters) {
        return new ChannelGuards(channels.stream().map(Channel::kind).toList(), properties, meters);
    }

    @Bean
    NoticeMetrics noticeMetrics(MeterRegistry meters, NoticeQueue queue, Clock clock) {
        return new NoticeMetrics(meters, queue, clock);
    }

    @Bean
    DeliveryEngine deliveryEngine(
            NoticeQueue queue,
            List<Channel> channels,
            ChannelGuards guards,
            DeliveryProperties properties,
            Clock clock,
            TransactionTemplate transactions,
            OutcomeOutbox outbox,
            NoticeMetrics metrics,
            ApplicationEventPublisher publisher,
            List<NoticeCheck> checks,
            ObjectProvider<AcknowledgementLinks> links,
            ObjectProvider<SealedRecipients> sealedRecipients,
            Traces traces) {
        var schedule = new RetrySchedule(
                properties.firstRetryDelay(), properties.maxRetryDelay(), bound -> ThreadLocalRandom.current()
                        .nextLong(bound));
        return new DeliveryEngine(
                queue,
                channels,
                guards,
                schedule,
                properties,
                clock,
                transactions,
                outbox,
                metrics,
                publisher,
                checks,
                new AttemptTexts(links.getIfAvailable(() -> notice -> Optional.empty())),
                sealedRecipients.getIfAvailable(() -> (id, recipient, subject, body) -> Optional.empty()),
                traces);
    }
}
