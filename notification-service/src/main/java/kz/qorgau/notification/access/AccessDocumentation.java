package kz.qorgau.notification.access;

import io.swagger.v3.oas.models.Operation;
import java.util.Arrays;
import java.util.List;
import kz.qorgau.kit.security.Role;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes each operation's roles into the OpenAPI document as {@value #ROLES}, from the {@code @Secured}
 * that enforces them. The security matrix test generates its cases from these, so a new endpoint cannot
 * escape it. The matrix also wants a write's {@code x-qorgau-write-limit}, which this service has no
 * write to need yet.
 */
@Component
class AccessDocumentation implements OperationCustomizer {

    static final String ROLES = "x-qorgau-roles";

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
