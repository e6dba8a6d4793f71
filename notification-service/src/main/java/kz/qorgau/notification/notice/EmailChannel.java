package kz.qorgau.notification.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands one notice to the SMTP server (Spring Mail) and sorts failures into reason codes. */
@Component
class EmailChannel {

    private final JavaMailSender mailSender;
    private final NoticeEmailProperties properties;

    EmailChannel(JavaMailSender mailSender, NoticeEmailProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    /** Returns once the SMTP server accepted the message. */
    void send(Notice notice, EmailContent content) throws DeliveryFailure {
        MimeMessage message;
        try {
            message = compose(notice, content);
        } catch (MessagingException | MailException e) {
            throw new DeliveryFailure(DeliveryFailure.MESSAGE_INVALID, false, e);
        }
        try {
            mailSender.send(message);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailure(DeliveryFailure.SMTP_AUTH_FAILED, false, e);
        } catch (MailParseException | MailPreparationException e) {
            throw new DeliveryFailure(DeliveryFailure.MESSAGE_INVALID, false, e);
        } catch (MailSendException e) {
            throw classify(e);
        } catch (MailException e) {
            throw new DeliveryFailure(DeliveryFailure.SMTP_ERROR, true, e);
        }
    }

    private MimeMessage compose(Notice notice, EmailContent content) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(notice.recipient().address());
        helper.setSubject(content.subject());
        helper.setText(content.body(), false);
        // The same Message-ID on every attempt: if a crash makes us send a notice twice, mail
        // clients can show the copies as one message. JavaMailSenderImpl keeps a preset Message-ID.
        message.setHeader("Message-ID", "<" + notice.id() + "@notification.qorgau>");
        message.setHeader("Content-Language", "kk, ru");
        // RFC 3834: no auto-replies to an automatic message.
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    private static DeliveryFailure classify(MailSendException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException refused
                    && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return new DeliveryFailure(DeliveryFailure.SMTP_REJECTED, false, failure);
            }
            if (cause instanceof IOException) {
                return new DeliveryFailure(DeliveryFailure.SMTP_UNAVAILABLE, true, failure);
            }
        }
        for (Exception messageFailure : failure.getFailedMessages().values()) {
            if (messageFailure instanceof MessagingException messaging
                    && messaging.getNextException() instanceof IOException) {
                return new DeliveryFailure(DeliveryFailure.SMTP_UNAVAILABLE, true, failure);
            }
        }
        return new DeliveryFailure(DeliveryFailure.SMTP_ERROR, true, failure);
    }
}
