package kz.qorgau.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpSinkTest {

    @Test
    void aMessageIsHandedWhenTheSinkSays250AndIsKnownByTheOrderNumberInItsSubject() throws Exception {
        try (SmtpSink sink = new SmtpSink()) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(sink.port()));
            Session session = Session.getInstance(properties);
            Instant before = Instant.now();
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (String number : new String[] {"PO-ALM-BOSTANDYK-2026-000001", "PO-AST-ESIL-2026-000002"}) {
                    MimeMessage message = new MimeMessage(session);
                    message.setFrom(new InternetAddress("qorgau@police.example.kz"));
                    message.setRecipient(Message.RecipientType.TO, new InternetAddress("duty@police.example.kz"));
                    // As the duty unit's notice: Kazakh and Russian, so the subject travels MIME-encoded.
                    message.setSubject(
                            "Қорғау нұсқамасы / Защитное предписание № " + number + " (ALM-BOSTANDYK)", "UTF-8");
                    message.setText("..a line that starts with a dot\nАудан", "UTF-8");
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> sink.messages() == 2);
            assertThat(sink.handedAt("PO-ALM-BOSTANDYK-2026-000001")).isAfterOrEqualTo(before);
            assertThat(sink.handedAt("PO-AST-ESIL-2026-000002")).isAfterOrEqualTo(before);
            assertThat(sink.handedAt("PO-NONE-2026-000003")).isNull();
        }
    }
}
