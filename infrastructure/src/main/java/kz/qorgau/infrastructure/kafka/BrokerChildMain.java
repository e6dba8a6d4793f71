package kz.qorgau.infrastructure.kafka;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point of the child broker JVM: {@code BrokerChildMain <parent pid> kafka.Kafka server.properties}.
 * It watches the parent process and exits (which runs Kafka's own shutdown hook, a graceful shutdown) when
 * the parent is gone, so that a broker is not left running when the JVM that started it dies without
 * running its shutdown hooks (kill -9, a crash). Then it runs the real main class.
 *
 * <p>KafkaBrokerProcess copies this class file into the broker's data folder and puts that folder on the
 * child's classpath, so it must use only the JDK and must not have nested or anonymous classes.
 */
public final class BrokerChildMain {

    private BrokerChildMain() {}

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: BrokerChildMain <parent pid> <main class> [arguments...]");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            System.err.println("Parent process " + parentPid + " is gone; not starting.");
            System.exit(1);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("Parent process " + parentPid + " exited; shutting down.");
            System.exit(0);
        });
        String[] rest = Arrays.copyOfRange(args, 2, args.length);
        try {
            Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object) rest);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
