package kz.qorgau.bench.endtoend;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP peer of the end-to-end part: it answers as a mail server does, keeps nothing but the moment it
 * said 250 to each message's DATA (the notice "handed to its channel", as seen at the peer) by the order
 * number the message names, and so measures no mailbox of its own (GreenMail keeps every message).
 */
public final class SmtpSink implements AutoCloseable {

    private static final Pattern ORDER_NUMBER = Pattern.compile("PO-[A-Z0-9-]+-\\d{4}-\\d+");
    private static final Session SESSION;

    static {
        // As notification-service's EmailChannel does (jakartaee/mail-api#861): unless the provider is named,
        // jakarta.mail-api searches the class path with ServiceLoader for every header it decodes. Profiled at
        // 20 orders/s, that search was over half of the sink's CPU and the sink a quarter of the bench's.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            // Angus Mail, the implementation on the bench's run-time class path (not its compile one).
            System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        SESSION = Session.getInstance(new Properties());
    }

    private final ServerSocket server;
    private final ConcurrentMap<String, Instant> handed = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();

    public SmtpSink() {
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("No port for the SMTP sink", e);
        }
        acceptor = new Thread(this::accept, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** When the message naming {@code orderNumber} was accepted, if it was. */
    public Instant handedAt(String orderNumber) {
        return handed.get(orderNumber);
    }

    /** Messages that named an order. */
    public int messages() {
        return handed.size();
    }

    /** Every message accepted, whether it named an order or not. */
    public long received() {
        return received.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> converse(socket), "smtp-sink-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 bench-sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (command) {
                    case "EHLO" -> reply(out, "250-bench-sink\r\n250-8BITMIME\r\n250 PIPELINING");
                    case "HELO" -> reply(out, "250 bench-sink");
                    case "DATA" -> {
                        reply(out, "354 end with .");
                        byte[] message = readData(in);
                        Instant accepted = Instant.now();
                        reply(out, "250 accepted");
                        received.incrementAndGet();
                        String number = orderNumber(message);
                        if (number != null) {
                            handed.putIfAbsent(number, accepted);
                        }
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok"); // MAIL, RCPT, RSET, NOOP
                }
            }
        } catch (IOException e) {
            // The client went away: nothing to keep.
        }
    }

    private static byte[] readData(BufferedReader in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            String unstuffed = line.startsWith("..") ? line.substring(1) : line;
            message.writeBytes((unstuffed + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        return message.toByteArray();
    }

    /** The order number in the decoded subject, or null. */
    static String orderNumber(byte[] message) {
        try {
            String subject = new MimeMessage(SESSION, new ByteArrayInputStream(message)).getSubject();
            Matcher matcher = ORDER_NUMBER.matcher(subject == null ? "" : subject);
            return matcher.find() ? matcher.group() : null;
        } catch (jakarta.mail.MessagingException e) {
            return null;
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
