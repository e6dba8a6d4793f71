package kz.qorgau.notification.notice;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices go out by e-mail ({@code qorgau.notification.email.*}); the SMTP server itself is
 * Spring's {@code spring.mail.*}.
 *
 * @param from the sender address
 * @param timeZone the zone in which e-mails state times (Kazakhstan has one zone, UTC+5)
 * @param attempts how many times one notice is tried before it is marked FAILED; kept small because
 *     the attempts hold the order's partition (a later retry scheduler takes over from FAILED)
 * @param retryDelay pause after the first failed attempt, doubled after each further one
 * @param maxRetryDelay longest pause between attempts
 */
@ConfigurationProperties("qorgau.notification.email")
public record NoticeEmailProperties(
        @DefaultValue("qorgau-no-reply@police.example.kz") String from,
        @DefaultValue("Asia/Almaty") ZoneId timeZone,
        @DefaultValue("3") int attempts,
        @DefaultValue("1s") Duration retryDelay,
        @DefaultValue("4s") Duration maxRetryDelay) {

    public NoticeEmailProperties {
        if (attempts < 1) {
            throw new IllegalArgumentException("qorgau.notification.email.attempts must be at least 1");
        }
    }
}
