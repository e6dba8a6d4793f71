package kz.qorgau.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the real SMTP inbox (GreenMail) whose behaviour a test switches: forward, stall
 * (accept and never answer), down (close every connection at once), or answer one fixed line (a 4xx, or
 * garbage) and close. Switching closes every open connection, as a network failure would, so connections the
 * service keeps open see the change too.
 */
final class SmtpPeer implements AutoCloseable {

    enum Mode {
        FORWARD,
        STALL,
        DOWN,
        ANSWER
    }

    private final String upstreamHost = "127.0.0.1";
    private volatile int upstreamPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode;
    private volatile String answer = "";
    private final java.util.concurrent.atomic.AtomicInteger forwarded = new java.util.concurrent.atomic.AtomicInteger();

    /** Starts down: nothing to forward to until {@link #forwardTo}. */
    SmtpPeer() throws IOException {
        this.mode = Mode.DOWN;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Forwards to the real inbox's SMTP port from now on. */
    void forwardTo(int port) {
        upstreamPort = port;
        forward();
    }

    int port() {
        return server.getLocalPort();
    }

    void forward() {
        switchTo(Mode.FORWARD, "");
    }

    void stall() {
        switchTo(Mode.STALL, "");
    }

    void down() {
        switchTo(Mode.DOWN, "");
    }

    /** Answers every connection with {@code line} (CRLF added) and closes it. */
    void answer(String line) {
        switchTo(Mode.ANSWER, line);
    }

    /**
     * Forwarded connections on which the service spoke since the last switch. A connection the service made
     * while the peer stalled, gave up on and closed may still wait in the accept backlog and be forwarded
     * after the switch; it carries nothing and is not counted.
     */
    int forwardedConnections() {
        return forwarded.get();
    }

    private void switchTo(Mode next, String line) {
        forwarded.set(0);
        answer = line;
        mode = next;
        open.forEach(SmtpPeer::closeQuietly);
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            switch (mode) {
                case DOWN -> closeQuietly(client);
                case STALL -> open.add(client);
                case ANSWER -> {
                    try (client) {
                        client.getOutputStream().write((answer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                    } catch (IOException ignored) {
                        // The client went first.
                    }
                }
                case FORWARD -> forward(client);
            }
        }
    }

    private void forward(Socket client) {
        try {
            Socket upstream = new Socket(upstreamHost, upstreamPort);
            open.add(client);
            open.add(upstream);
            pump(client.getInputStream(), upstream.getOutputStream(), client, upstream, true);
            pump(upstream.getInputStream(), client.getOutputStream(), client, upstream, false);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(InputStream from, OutputStream to, Socket client, Socket upstream, boolean fromClient) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try {
                        boolean spoke = false;
                        for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
                            if (fromClient && !spoke && read > 0) {
                                spoke = true;
                                forwarded.incrementAndGet();
                            }
                            to.write(buffer, 0, read);
                            to.flush();
                        }
                    } catch (IOException ignored) {
                        // One side closed: close both.
                    }
                    closeQuietly(client);
                    closeQuietly(upstream);
                },
                "smtp-peer-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(SmtpPeer::closeQuietly);
    }
}
