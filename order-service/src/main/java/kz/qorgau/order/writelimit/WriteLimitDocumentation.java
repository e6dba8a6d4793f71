package kz.qorgau.order.writelimit;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes each operation's write limit into the OpenAPI document as {@value #WRITE_LIMIT}: {@code
 * limited} ({@link WriteLimited}), or {@code exempt} with the reason ({@link NotWriteLimited}). The
 * security matrix test checks every state-changing operation has one.
 */
@Component
class WriteLimitDocumentation implements OperationCustomizer {

    static final String WRITE_LIMIT = "x-qorgau-write-limit";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
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
