package kz.qorgau.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import kz.qorgau.testsupport.TestInfrastructure;

/** The test SMTP inbox's mails, read without checked exceptions: an unreadable part reads as empty. */
final class Mails {

    private Mails() {}

    /** The mails to {@code to} whose subject or body contains {@code text}. */
    static List<MimeMessage> of(TestInfrastructure infrastructure, String text, String to) {
        return infrastructure.inbox().receivedMessages().stream()
                .filter(mail -> (subject(mail) + body(mail)).contains(text)
                        && recipients(mail).contains(to))
                .toList();
    }

    static String subject(MimeMessage mail) {
        try {
            return String.valueOf(mail.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }

    static String body(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (IOException | MessagingException e) {
            return "";
        }
    }

    static List<String> recipients(MimeMessage mail) {
        try {
            Address[] all = mail.getAllRecipients();
            return all == null
                    ? List.of()
                    : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            return List.of();
        }
    }
}
