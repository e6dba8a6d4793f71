package kz.qorgau.order.atrest;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar order-service-exec.jar --qorgau.at-rest.rotate=true}: runs the key rotation and
 * exits with 0 (non-zero when it fails). {@code OrderServiceApplication} starts such a run without a
 * web server and without the outbox relay, so it can run beside the live instances, and exits when
 * this runner returns.
 */
@Component
class AtRestRotationCommand implements ApplicationRunner {

    private final AtRestProperties properties;
    private final AtRestKeyRotation rotation;

    AtRestRotationCommand(AtRestProperties properties, AtRestKeyRotation rotation) {
        this.properties = properties;
        this.rotation = rotation;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.rotate()) {
            return;
        }
        AtRestKeyRotation.Result result = rotation.rotate();
        if (result.remaining() != 0) {
            // An instance still configured with the old active key is writing new rows: switch all first.
            throw new IllegalStateException("the rotation left " + result.remaining() + " orders under other keys");
        }
    }
}
