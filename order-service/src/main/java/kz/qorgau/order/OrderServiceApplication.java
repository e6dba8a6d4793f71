package kz.qorgau.order;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderServiceApplication {

    /** The argument that runs the at-rest key rotation as a command (docs/adr/0009). */
    public static final String ROTATE_ARGUMENT = "--qorgau.at-rest.rotate=true";

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(ROTATE_ARGUMENT)) {
            System.exit(rotateAtRestKeys(args));
        }
        SpringApplication.run(OrderServiceApplication.class, args);
    }

    /**
     * Runs the at-rest key rotation as a one-off command beside the running instances: no web server
     * (so no port is taken), no outbox relay; returns the exit code (a failure throws).
     */
    public static int rotateAtRestKeys(String... args) {
        SpringApplication application = new SpringApplication(OrderServiceApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] commandArgs = Stream.concat(
                        Arrays.stream(args), Stream.of(ROTATE_ARGUMENT, "--qorgau.outbox.relay.enabled=false"))
                .distinct()
                .toArray(String[]::new);
        return SpringApplication.exit(application.run(commandArgs));
    }
}
