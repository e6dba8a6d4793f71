package kz.qorgau.order.access;

import io.swagger.v3.oas.models.Operation;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes each operation's access rules into the OpenAPI document, from the annotations that enforce
 * them: {@value #ROLES} (from {@code @Secured}) and {@value #WRITE_LIMIT} ({@code limited}, or {@code
 * exempt} with the reason). The security matrix test generates its cases from these, so a new endpoint
 * cannot escape it.
 */
@Component
class AccessDocumentation implements OperationCustomizer {

    static final String ROLES = "x-qorgau-roles";
    static final String WRITE_LIMIT = "x-qorgau-write-limit";

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
        if (handler.hasMethodAnnotation(WriteLimited.class)) {
            operation.addExtension(WRITE_LIMIT, "limited");
        }
        NotWriteLimited exempt = handler.getMethodAnnotation(NotWriteLimited.class);
        if (exempt != null) {
            operation.addExtension(WRITE_LIMIT, "exempt: " + exempt.value());
        }
        return operation;
    }
}
