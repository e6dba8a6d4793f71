package kz.qorgau.infrastructure.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpInboxTest {

    private SmtpInbox inbox;

    @AfterEach
    void stop() {
        if (inbox != null) {
            inbox.stop();
        }
    }

    @Test
    void mailSentWithJakartaMailArrivesAndCanBeReadOverImap() throws Exception {
        int[] ports = PortAllocator.freePorts(2);
        inbox = SmtpInbox.start(ports[0], ports[1]);
        assertThat(inbox.smtpPort()).isEqualTo(ports[0]);
        assertThat(inbox.imapPort()).isEqualTo(ports[1]);
        assertThat(inbox.apiUrl()).isNull();

        send("victim@example.kz", "Protective order PO-2026-0001 issued", "Your protective order was issued.");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inbox.receivedMessages())
                .singleElement()
                .satisfies(message -> {
                    assertThat(message.getSubject()).isEqualTo("Protective order PO-2026-0001 issued");
                    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("victim@example.kz");
                }));

        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(inbox.host(), inbox.imapPort(), "victim@example.kz", "any password");
        try {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            Message[] messages = folder.getMessages();
            assertThat(messages).hasSize(1);
            assertThat(messages[0].getSubject()).isEqualTo("Protective order PO-2026-0001 issued");
            assertThat(((String) messages[0].getContent()).trim()).isEqualTo("Your protective order was issued.");
            folder.close(false);
        } finally {
            store.close();
        }

        inbox.purge();
        assertThat(inbox.receivedMessages()).isEmpty();
    }

    @Test
    void stopFreesThePorts() {
        inbox = SmtpInbox.startOnFreePorts();
        assertThat(inbox.isRunning()).isTrue();
        assertThat(PortAllocator.isListening("127.0.0.1", inbox.smtpPort(), Duration.ofSeconds(1)))
                .isTrue();

        inbox.stop();

        assertThat(inbox.isRunning()).isFalse();
        assertThat(PortAllocator.isFree(inbox.smtpPort())).isTrue();
        assertThat(PortAllocator.isFree(inbox.imapPort())).isTrue();
    }

    @Test
    void aTakenPortFailsTheStart() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> SmtpInbox.start(taken.getLocalPort(), 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void itIsAnInProcessEndpoint() {
        inbox = SmtpInbox.startOnFreePorts();

        assertThat(inbox.endpoint())
                .isEqualTo(new SmtpEndpoint("127.0.0.1", inbox.smtpPort(), Source.IN_PROCESS, inbox));
    }

    private void send(String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", inbox.host());
        properties.put("mail.smtp.port", Integer.toString(inbox.smtpPort()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@qorgau.kz"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }
}
