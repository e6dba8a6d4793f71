package kz.qorgau.notification.delivery;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices go out by e-mail ({@code qorgau.notification.email.*}); the SMTP server itself is Spring's
 * {@code spring.mail.*}.
 *
 * @param from the sender address
 * @param contactFrom the sender address of what a victim's contact is sent (docs/adr/0030): a neutral one, naming
 *     neither the police nor Qorgau, since someone else may read that mailbox
 * @param timeZone the zone in which e-mails state times (Kazakhstan has one zone, UTC+5)
 * @param connections open SMTP connections kept for reuse, at most
 * @param maxIdle a kept connection idle for longer is closed rather than reused
 */
@ConfigurationProperties("qorgau.notification.email")
public record EmailProperties(
        @DefaultValue("qorgau-no-reply@police.example.kz") String from,
        @DefaultValue("no-reply@notices.example.kz") String contactFrom,
        @DefaultValue("Asia/Almaty") ZoneId timeZone,
        @DefaultValue("8") int connections,
        @DefaultValue("30s") Duration maxIdle) {}
