package kz.qorgau.kit.security;

import io.swagger.v3.oas.models.Operation;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes each operation's roles into the OpenAPI document as {@value #ROLES}, from the {@code @Secured}
 * that enforces them. The security matrix test (ApiSecurityMatrix) generates its cases from these, so a new
 * endpoint cannot escape it; one that needs no token says why instead ({@link PublicEndpoint}, {@value #PUBLIC}).
 * A service documents what only it has itself (order-service's write limit,
 * {@code x-qorgau-write-limit}).
 */
public final class RolesDocumentation implements OperationCustomizer {

    public static final String ROLES = "x-qorgau-roles";

    /** Why an operation needs no token ({@link PublicEndpoint}). */
    public static final String PUBLIC = "x-qorgau-public";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Secured secured = handler.getMethodAnnotation(Secured.class);
        if (secured != null) {
            List<String> roles = Arrays.stream(secured.value())
                    .map(authority ->
                            Role.fromAuthority(authority).map(Role::name).orElse(authority))
                    .toList();
            operation.addExtension(ROLES, roles);
        }
        PublicEndpoint open = handler.getMethodAnnotation(PublicEndpoint.class);
        if (open == null) {
            open = handler.getBeanType().getAnnotation(PublicEndpoint.class);
        }
        if (open != null) {
            operation.addExtension(PUBLIC, open.value());
        }
        return operation;
    }
}
