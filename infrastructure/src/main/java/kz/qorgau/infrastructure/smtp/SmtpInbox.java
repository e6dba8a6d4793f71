package kz.qorgau.infrastructure.smtp;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import kz.qorgau.infrastructure.PortAllocator;
import kz.qorgau.infrastructure.Source;

/**
 * A mail inbox in this JVM (GreenMail): an SMTP server that accepts mail for any address, and an IMAP server
 * to read it, both on 127.0.0.1 only. Authentication is off: any user name and password may log in, and a
 * mailbox is made for each recipient (IMAP login = the recipient's address).
 *
 * <p>GreenMail's REST API is not offered: it lives in {@code greenmail-standalone}, a 10 MB jar that bundles,
 * without relocation, Jersey, HK2, Jackson 2 and log4j2 with its SLF4J provider, which would clash with
 * the Spring Boot services that use this module. {@link #apiUrl()} is therefore null; read the inbox with
 * any IMAP client or through {@link #receivedMessages()}.
 */
public final class SmtpInbox implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private SmtpInbox(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /**
     * Starts SMTP on {@code smtpPort} and IMAP on {@code imapPort} (127.0.0.1); 0 picks a free port.
     *
     * @throws IllegalStateException if a server cannot start (for example, the port is taken)
     */
    public static SmtpInbox start(int smtpPort, int imapPort) {
        int smtp = smtpPort == 0 ? PortAllocator.freePort() : checkPort(smtpPort);
        int imap = imapPort == 0 ? PortAllocator.freePort() : checkPort(imapPort);
        if (smtp == imap) {
            throw new IllegalArgumentException("SMTP and IMAP need different ports: " + smtp);
        }
        for (int port : new int[] {smtp, imap}) {
            if (!PortAllocator.isFree(port)) {
                throw new IllegalStateException(
                        "Cannot start the mail inbox because port " + port + " on " + HOST + " is already in use.");
            }
        }
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtp, HOST, ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imap, HOST, ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException(
                    "Could not start the mail inbox on " + HOST + " (SMTP " + smtp + ", IMAP " + imap + ")", e);
        }
        return new SmtpInbox(greenMail, smtp, imap);
    }

    /** Starts on free ports. */
    public static SmtpInbox startOnFreePorts() {
        return start(0, 0);
    }

    public String host() {
        return HOST;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Always null: GreenMail's REST API is not started (see the class comment). */
    public String apiUrl() {
        return null;
    }

    /** This inbox as a discovery result ({@link Source#IN_PROCESS}). */
    public SmtpEndpoint endpoint() {
        return new SmtpEndpoint(HOST, smtpPort, Source.IN_PROCESS, this);
    }

    /** Every message received so far, over all mailboxes, oldest first. */
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Deletes every message from every mailbox. */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Could not purge the mail inbox", e);
        }
    }

    public boolean isRunning() {
        return greenMail.isRunning();
    }

    public void stop() {
        greenMail.stop();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "SmtpInbox[smtp " + HOST + ":" + smtpPort + ", imap " + HOST + ":" + imapPort + "]";
    }

    private static int checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (free) or within 1..65535: " + port);
        }
        return port;
    }
}
