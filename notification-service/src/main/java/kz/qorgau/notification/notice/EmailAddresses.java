package kz.qorgau.notification.notice;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;

/** Configured e-mail addresses of police recipients, checked at start-up so that no notice is lost later. */
public final class EmailAddresses {

    private EmailAddresses() {}

    /**
     * The addresses stripped, without blanks and repeats, possibly none.
     *
     * @throws IllegalStateException naming {@code property} (never the address) if one does not parse
     */
    public static List<String> checked(String property, List<String> addresses) {
        List<String> cleaned = addresses == null
                ? List.of()
                : addresses.stream()
                        .map(String::strip)
                        .filter(address -> !address.isEmpty())
                        .distinct()
                        .toList();
        for (String address : cleaned) {
            try {
                new InternetAddress(address, true).validate();
            } catch (AddressException e) {
                throw new IllegalStateException(property + " holds an address that is not a valid e-mail address");
            }
        }
        return cleaned;
    }
}
