package kz.qorgau.order.atrest;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/atrestkeys}: the operator's key rotation. Actuator endpoints are served on the
 * management port only ({@code management.server.port}), which is never published to the outside.
 */
@Component
@Endpoint(id = "atrestkeys")
class AtRestKeysEndpoint {

    private final AtRestKeyRotation rotation;

    AtRestKeysEndpoint(AtRestKeyRotation rotation) {
        this.rotation = rotation;
    }

    @WriteOperation
    AtRestKeyRotation.Result rotate() {
        return rotation.rotate();
    }
}
