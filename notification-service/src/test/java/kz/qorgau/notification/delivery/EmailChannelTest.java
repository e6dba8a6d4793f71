package kz.qorgau.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.infrastructure.smtp.SmtpInbox;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.Urgency;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The e-mail channel's message, as the SMTP peer receives it, without Spring: Kazakh text intact, the notice's
 * Message-ID, the headers that keep auto-responders quiet, and the mail API's stream provider named once instead
 * of looked up through ServiceLoader for every header and body.
 */
class EmailChannelTest {

    private static SmtpInbox inbox;
    private static SmtpConnections connections;

    @BeforeAll
    static void start() {
        inbox = SmtpInbox.startOnFreePorts();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(inbox.host());
        sender.setPort(inbox.smtpPort());
        sender.setDefaultEncoding("UTF-8");
        // As Boot sets it (spring.mail.protocol).
        sender.setProtocol("smtp");
        connections = new SmtpConnections(sender, 2, Duration.ofMinutes(1), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        connections.destroy();
        inbox.close();
    }

    @Test
    void theMessageKeepsItsTextAndNamesTheNotice() throws Exception {
        EmailChannel channel = new EmailChannel(connections, "alerts@police.example", "no-reply@example.org");
        UUID id = UUID.randomUUID();

        channel.send(notice(id, 0));
        channel.send(notice(id, 1));

        assertThat(inbox.receivedMessages()).hasSize(2);
        MimeMessage first = inbox.receivedMessages().get(0);
        assertThat(first.getSubject()).isEqualTo("Қорғау нұсқамасы ALM-2026-0001 шығарылды");
        assertThat(first.getContent().toString().strip()).isEqualTo("Тәртіп бұзушы: үйден 50 м жақындамасын.");
        assertThat(first.getHeader("Message-ID")).containsExactly("<" + id + "@notification.qorgau>");
        assertThat(first.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(first.getHeader("Content-Language")).containsExactly("kk, ru");
        // A re-send is a message of its own, not a copy the reader's client folds into the first.
        assertThat(inbox.receivedMessages().get(1).getHeader("Message-ID"))
                .containsExactly("<" + id + ".1@notification.qorgau>");
    }

    @Test
    void theStreamProviderIsNamedNotSearchedFor() {
        new EmailChannel(connections, "alerts@police.example", "no-reply@example.org");

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(MailStreamProvider.class.getName());
        assertThat(connections.newMessage()).isNotNull();
    }

    /** A duty unit's notice in Kazakh; {@code resends} > 0 for a re-send of an unacknowledged one. */
    private static ClaimedNotice notice(UUID id, int resends) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new ClaimedNotice(
                id,
                UUID.randomUUID(),
                new NoticeCause(UUID.randomUUID(), UUID.randomUUID().toString(), "OrderIssued", 1, now, null, null),
                new Recipient("DUTY_UNIT", NotificationChannel.EMAIL, "duty.almaty@police.example"),
                Urgency.ROUTINE,
                "ALM-BOSTANDYK",
                "Қорғау нұсқамасы ALM-2026-0001 шығарылды",
                "Тәртіп бұзушы: үйден 50 м жақындамасын.",
                0,
                null,
                now.plusHours(1),
                null,
                resends,
                false);
    }
}
