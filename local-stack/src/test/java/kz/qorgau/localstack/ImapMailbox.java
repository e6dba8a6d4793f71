package kz.qorgau.localstack;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads a recipient's mail from the local stack's inbox over IMAP, as a mail client would. */
final class ImapMailbox {

    private ImapMailbox() {}

    /** Each message's subject and text, oldest first. */
    static List<String> mails(int imapPort, String recipient) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", imapPort, recipient, "any-password");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(message.getSubject() + "\n" + text(message.getContent()));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int part = 0; part < multipart.getCount(); part++) {
                text.append(text(multipart.getBodyPart(part).getContent())).append('\n');
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
