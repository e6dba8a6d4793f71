package kz.qorgau.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports, for servers that need a fixed port chosen at run time.
 *
 * <p>A port is often chosen long before its server binds it (a token issuer that starts when the first test
 * asks for a token, a service started as a child process). Ports the system hands out by itself (bind to
 * port 0, and the local end of every outgoing connection) come from the ephemeral range, so a port chosen
 * there can be taken in the meantime; CI saw exactly that. Ports are therefore chosen at random below the
 * ephemeral range, where only explicit binds land, and never twice in one JVM.
 */
public final class PortAllocator {

    /** Below this are well-known and commonly configured ports (PostgreSQL's 5432, Kafka's 9092, ...). */
    static final int LOWEST = 10_000;

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default, for systems that do not say (macOS and Windows use 49152 and up). */
    private static final int[] DEFAULT_EPHEMERAL = {32_768, 60_999};

    /** A system property naming the band of ports to draw from, "LOW-HIGH" (see {@link #band()}). */
    public static final String BAND_PROPERTY = "qorgau.free-ports";

    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private PortAllocator() {}

    /**
     * A port on 127.0.0.1 that was free a moment ago, outside the system's ephemeral range and not handed
     * out before in this JVM. Another process may still bind it first, which needs that process to pick the
     * same port explicitly.
     */
    public static int freePort() {
        int[] band = band();
        int low = band[0];
        int high = band[1]; // exclusive
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (high - low >= 1_000) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int port = random.nextInt(low, high);
                if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                    return port;
                }
            }
        }
        return systemChosenPort();
    }

    /** {@code count} distinct free ports (see {@link #freePort()}). */
    public static int[] freePorts(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(freePort());
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    /** True when {@code port} can be bound on 127.0.0.1 right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts TCP connections on {@code host:port} within {@code timeout}. */
    public static boolean isListening(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Where {@link #freePort()} draws from: below the ephemeral range, or the band {@value #BAND_PROPERTY}
     * names ("23000-29000", the end exclusive), for a JVM whose neighbours bind fixed ports elsewhere (the local
     * stack's tests run stacks side by side on offsets of their own).
     */
    static int[] band() {
        String named = System.getProperty(BAND_PROPERTY, "");
        if (named.matches("\\d{4,5}-\\d{4,5}")) {
            int low = Integer.parseInt(named.substring(0, named.indexOf('-')));
            int high = Integer.parseInt(named.substring(named.indexOf('-') + 1));
            if (low >= 1_024 && high <= 65_536 && high - low >= 1_000) {
                return new int[] {low, high};
            }
        }
        if (!named.isEmpty()) {
            throw new IllegalArgumentException(
                    BAND_PROPERTY + " must be LOW-HIGH, 1024 to 65536, at least 1000 ports apart: " + named);
        }
        return new int[] {LOWEST, Math.min(ephemeralRange()[0], 65_536)};
    }

    /** The system's ephemeral port range, lowest and highest, as this machine configures it. */
    static int[] ephemeralRange() {
        try {
            String[] bounds = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            if (bounds.length == 2) {
                return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: assume Linux's default.
        }
        return DEFAULT_EPHEMERAL.clone();
    }

    /** The fallback when no room is left below the ephemeral range: let the system choose. */
    private static int systemChosenPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = socket.getLocalPort();
            HANDED_OUT.add(port);
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        }
    }
}
