package kz.qorgau.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import kz.qorgau.events.NotificationChannel;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Hands a notice to the SMTP server over a pooled, kept-open connection ({@link SmtpConnections}) and sorts
 * failures into reason codes.
 */
class EmailChannel implements Channel {

    private final SmtpConnections connections;
    private final String from;
    private final String contactFrom;

    EmailChannel(SmtpConnections connections, String from, String contactFrom) {
        nameStreamProvider();
        this.connections = connections;
        this.from = from;
        this.contactFrom = contactFrom;
    }

    @Override
    public NotificationChannel kind() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public void send(ClaimedNotice notice) throws DeliveryFailure {
        MimeMessage message;
        try {
            message = compose(notice);
        } catch (MessagingException | RuntimeException e) {
            throw new DeliveryFailure(DeliveryFailure.MESSAGE_INVALID, false, e);
        }
        SmtpConnections.Connection connection;
        try {
            connection = connections.borrow();
        } catch (jakarta.mail.AuthenticationFailedException e) {
            throw new DeliveryFailure(DeliveryFailure.SMTP_AUTH_FAILED, true, e);
        } catch (MessagingException | IllegalStateException e) {
            throw new DeliveryFailure(DeliveryFailure.SMTP_UNAVAILABLE, true, e);
        }
        try {
            connection.transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            // The connection's state after a failure is unknown: it is closed, the next send opens another.
            connection.close();
            throw classify(e);
        }
        connections.giveBack(connection);
    }

    private MimeMessage compose(ClaimedNotice notice) throws MessagingException {
        // The sender's message carries its FileTypeMap, read once: a plain MimeMessage makes MimeMessageHelper parse
        // the mime.types files again for every message (a third of a sender's CPU when measured).
        MimeMessage message = connections.newMessage();
        var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        // A victim's contact gets nothing that names the police or Qorgau (docs/adr/0030).
        helper.setFrom(notice.sealedRecipient() ? contactFrom : from);
        helper.setTo(notice.recipient().address());
        helper.setSubject(notice.subject());
        helper.setText(notice.body(), false);
        if (!notice.sealedRecipient()) {
            message.setHeader("Content-Language", "kk, ru");
        }
        // RFC 3834: no auto-replies to an automatic message.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        // After saveChanges, which makes a new one: the same Message-ID on every attempt, so that copies a
        // crash makes us send twice show as one message.
        // A re-send of an unacknowledged notice (docs/adr/0024) is a new message, so it is not folded into the first.
        String resend = notice.resends() > 0 ? "." + notice.resends() : "";
        String domain =
                notice.sealedRecipient() ? contactFrom.substring(contactFrom.indexOf('@') + 1) : "notification.qorgau";
        message.setHeader("Message-ID", "<" + notice.id() + resend + "@" + domain + ">");
        return message;
    }

    /**
     * Names Angus Mail's {@link StreamProvider} in the system property that jakarta.mail-api's FactoryFinder reads
     * before it asks ServiceLoader. The API looks the provider up again for every header it encodes and every body it
     * writes (jakartaee/mail-api#861, open), and a ServiceLoader lookup reads the class path's jars each time: a fifth
     * of a sender's CPU when measured. The property gives the same provider ServiceLoader finds; one set otherwise is
     * left alone.
     */
    static void nameStreamProvider() {
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
    }

    /** Walks the causes (a MessagingException's next exception is its cause). */
    private static DeliveryFailure classify(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPAddressFailedException refused) {
                return refused.getReturnCode() >= 500
                        ? new DeliveryFailure(DeliveryFailure.SMTP_REJECTED, false, failure)
                        : new DeliveryFailure(DeliveryFailure.SMTP_TEMPORARY, true, failure);
            }
            if (cause instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 400) {
                return refused.getReturnCode() >= 500
                        ? new DeliveryFailure(DeliveryFailure.SMTP_ERROR, true, failure)
                        : new DeliveryFailure(DeliveryFailure.SMTP_TEMPORARY, true, failure);
            }
            if (cause instanceof SendFailedException refused
                    && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return new DeliveryFailure(DeliveryFailure.SMTP_REJECTED, false, failure);
            }
            if (cause instanceof IOException) {
                return new DeliveryFailure(DeliveryFailure.SMTP_UNAVAILABLE, true, failure);
            }
        }
        return new DeliveryFailure(DeliveryFailure.SMTP_ERROR, true, failure);
    }
}
