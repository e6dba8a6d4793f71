package kz.qorgau.order.lifecycle;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents every {@link ChangesAnOrder} operation the same way: the required If-Match header, the
 * rules of a change ({@link ETags#CHANGE_RULES}) and its problem answers.
 */
@Component
class ChangeDocumentation implements OperationCustomizer {

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid request, or a time outside the allowed window; nothing recorded.",
            "404", "No such order (or violation, or check) that you may read.",
            "409", "The order's state does not allow this change; the problem says why.",
            "412", "The order changed since you read it (stale If-Match).",
            "428", "If-Match missing.");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.hasMethodAnnotation(ChangesAnOrder.class)) {
            return operation;
        }
        operation.setDescription(
                (operation.getDescription() == null ? "" : operation.getDescription() + " ") + ETags.CHANGE_RULES);
        operation.addParametersItem(new HeaderParameter()
                .name(ETags.IF_MATCH)
                .required(true)
                .description(ETags.IF_MATCH_DESCRIPTION)
                .example("\"v1\"")
                .schema(new StringSchema()));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Content problem = new Content()
                .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
        PROBLEMS.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(
                        status, new ApiResponse().description(description).content(problem));
            }
        });
        operation.setResponses(responses);
        return operation;
    }
}
