package kz.qorgau.events;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How Qorgau compares phone numbers (docs/adr/0030): in E.164 form, after dropping what people and gateways
 * add (spaces, dashes, dots, brackets; a leading 00 for +; Kazakhstan's national 8 before ten digits for +7).
 * order-service refuses a victim contact equal to the offender's phone this way, and notification-service's
 * blind index of a contact's phone is computed from this form, so an inbound reply from either way of writing
 * the number finds it.
 */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");
    private static final Pattern DECORATION = Pattern.compile("[\\s\\-.()]");

    private PhoneNumbers() {}

    /** The number in E.164, or empty when it is not a phone number after normalisation. */
    public static Optional<String> normalised(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = DECORATION.matcher(phone.strip()).replaceAll("");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.length() == 11
                && digits.startsWith("8")
                && digits.chars().allMatch(Character::isDigit)) {
            digits = "+7" + digits.substring(1);
        }
        return E164.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** Whether both are phone numbers and the same one. */
    public static boolean same(String one, String other) {
        Optional<String> first = normalised(one);
        return first.isPresent() && first.equals(normalised(other));
    }
}
