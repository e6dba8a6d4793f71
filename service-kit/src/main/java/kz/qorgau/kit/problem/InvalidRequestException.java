package kz.qorgau.kit.problem;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 400 {@link Problems#INVALID_REQUEST} for rules checked outside Bean Validation (headers, for instance). */
public class InvalidRequestException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(List<Problems.FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, Problems.invalidRequest(errors), null);
    }
}
