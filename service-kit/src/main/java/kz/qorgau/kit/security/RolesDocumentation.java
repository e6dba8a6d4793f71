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
 * endpoint cannot escape it. A service documents what only it has itself (order-service's write limit,
 * {@code x-qorgau-write-limit}).
 */
public final class RolesDocumentation implements OperationCustomizer {

    public static final String ROLES = "x-qorgau-roles";

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
        return operation;
    }
}
