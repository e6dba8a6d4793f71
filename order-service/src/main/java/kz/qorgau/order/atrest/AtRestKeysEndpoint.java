package kz.qorgau.order.atrest;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/atrestkeys}: the operator's key rotation. Actuator endpoints are served on the
 * management port only ({@code management.server.port}, loopback by default), and this one needs an
 * OPERATOR's bearer token (docs/adr/0014).
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
