package kz.qorgau.order.protectiveorder;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A valid Kazakhstan IIN ({@link Iin}); {@code null} is left to {@code @NotNull}. */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidIin.Validator.class)
public @interface ValidIin {

    String message() default "must be a valid IIN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Says which rule failed, never the value. */
    class Validator implements ConstraintValidator<ValidIin, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return Iin.check(value)
                    .map(problem -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(problem.message())
                                .addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
