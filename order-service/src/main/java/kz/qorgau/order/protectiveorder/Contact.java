package kz.qorgau.order.protectiveorder;

import java.util.Objects;

/**
 * One way to reach the victim. Personal data: {@link #toString()} is redacted.
 *
 * @param channel e-mail or text message
 * @param address the e-mail address or the phone number (E.164)
 * @param preferredLanguage the language to write in
 */
public record Contact(ContactChannel channel, String address, Language preferredLanguage) {

    public Contact {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
    }

    @Override
    public String toString() {
        return "Contact[channel=" + channel + ", redacted]";
    }
}
