package kz.qorgau.order.issue;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;
import kz.qorgau.order.protectiveorder.ContactChannel;

/**
 * A contact's address fits its channel: an e-mail address for EMAIL, an E.164 phone number for SMS.
 * Reported on the {@code address} field.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidContactAddress.Validator.class)
@interface ValidContactAddress {

    /** The HTML standard's "valid e-mail address", with at least one dot in the domain. */
    Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    /** E.164: a plus, a country code, at most 15 digits in all. */
    Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{7,14}$");

    String message() default "does not fit the channel";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidContactAddress, IssueOrderRequest.ContactDetails> {

        @Override
        public boolean isValid(IssueOrderRequest.ContactDetails contact, ConstraintValidatorContext context) {
            if (contact == null || contact.channel() == null || contact.address() == null) {
                return true; // @NotNull reports these
            }
            String problem = problem(contact.channel(), contact.address());
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem)
                    .addPropertyNode("address")
                    .addConstraintViolation();
            return false;
        }

        private static String problem(ContactChannel channel, String address) {
            return switch (channel) {
                case EMAIL -> EMAIL.matcher(address).matches() ? null : "must be an e-mail address for channel EMAIL";
                case SMS ->
                    PHONE.matcher(address).matches()
                            ? null
                            : "must be a phone number in E.164 form (+77011234567) for channel SMS";
            };
        }
    }
}
