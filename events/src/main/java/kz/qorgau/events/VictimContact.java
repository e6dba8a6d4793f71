package kz.qorgau.events;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The victim's contact details. Personal data: it never appears in clear in an event, only as the
 * sealed plaintext of {@link OrderIssued#victimContact()} and {@link OrderAmended#victimContact()} (JSON via
 * {@link kz.qorgau.events.sealed.SealedFieldCipher#sealJson}).
 *
 * <p>Two versions of the plaintext exist (docs/adr/0030). Version 1 ({@code version} absent) holds one phone,
 * one e-mail and one language; events sealed so stay on the topics for a year and must still open. Version 2
 * adds {@code contacts}, every way the victim gave to reach them, each with its channel, language, quiet hours
 * and opt-in, and keeps {@code phone}, {@code email} and {@code language} filled from them for readers of
 * version 1. Readers use {@link #contactPoints()}, which answers the same for both. At least one way to reach
 * the victim must be given.
 *
 * <p>{@link #toString()} is redacted so the details cannot leak into logs by accident.
 */
public record VictimContact(
        String fullName,
        String phone,
        String email,
        String address,
        String language,
        Integer version,
        List<ContactPoint> contacts) {

    /** The version {@link #of} writes. */
    public static final int CURRENT_VERSION = 2;

    public VictimContact {
        contacts = contacts == null ? null : List.copyOf(contacts);
        boolean none = contacts == null || contacts.isEmpty();
        if (isBlank(phone) && isBlank(email) && none) {
            throw new EventContractException(null, "victimContact", "needs a phone, an e-mail or a contact");
        }
    }

    /** A version 1 plaintext: one phone, one e-mail, one language. */
    public VictimContact(String fullName, String phone, String email, String address, String language) {
        this(fullName, phone, email, address, language, null, null);
    }

    /**
     * A version 2 plaintext of the victim's contacts, most preferred first; the version 1 fields hold the first
     * phone, the first e-mail and the first contact's language.
     */
    public static VictimContact of(String fullName, List<ContactPoint> contacts) {
        if (contacts == null || contacts.isEmpty()) {
            throw new EventContractException(null, "victimContact", "needs at least one contact");
        }
        return new VictimContact(
                fullName,
                first(contacts, NotificationChannel.SMS),
                first(contacts, NotificationChannel.EMAIL),
                null,
                contacts.get(0).language(),
                CURRENT_VERSION,
                contacts);
    }

    /**
     * Every way to reach the victim, most preferred first: version 2's list, or for version 1 the phone (SMS)
     * then the e-mail, in its one language, opted in, without quiet hours.
     */
    public List<ContactPoint> contactPoints() {
        if (contacts != null && !contacts.isEmpty()) {
            return contacts;
        }
        String lang = language != null && ContactPoint.LANGUAGES.contains(language) ? language : "kk";
        List<ContactPoint> derived = new ArrayList<>();
        if (!isBlank(phone)) {
            derived.add(new ContactPoint(NotificationChannel.SMS, phone, lang, null, true));
        }
        if (!isBlank(email)) {
            derived.add(new ContactPoint(NotificationChannel.EMAIL, email, lang, null, true));
        }
        return List.copyOf(derived);
    }

    private static String first(List<ContactPoint> contacts, NotificationChannel channel) {
        return contacts.stream()
                .filter(contact -> contact.channel() == channel)
                .map(ContactPoint::address)
                .findFirst()
                .orElse(null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "VictimContact[redacted]";
    }

    /**
     * One way to reach the victim (version 2).
     *
     * @param channel {@link NotificationChannel#SMS} (an E.164 phone) or {@link NotificationChannel#EMAIL}
     * @param address the phone number or e-mail address
     * @param language ISO 639-1: kk, ru or en
     * @param quietHours when routine notices wait; null for none
     * @param optedIn whether the victim agreed to be told on this contact
     */
    public record ContactPoint(
            NotificationChannel channel, String address, String language, QuietHours quietHours, boolean optedIn) {

        /** The languages notices are written in. */
        public static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

        public ContactPoint {
            if (channel != NotificationChannel.SMS && channel != NotificationChannel.EMAIL) {
                throw new EventContractException(null, "victimContact.contacts.channel", "must be SMS or EMAIL");
            }
            if (isBlank(address)) {
                throw new EventContractException(null, "victimContact.contacts.address", "is required");
            }
            if (language == null || !LANGUAGES.contains(language)) {
                throw new EventContractException(null, "victimContact.contacts.language", "must be kk, ru or en");
            }
        }

        @Override
        public String toString() {
            return "ContactPoint[channel=" + channel + ", language=" + language + ", redacted]";
        }
    }

    /**
     * Local times between which routine notices wait ({@code from} 22:00 to {@code until} 08:00 spans midnight).
     */
    public record QuietHours(LocalTime from, LocalTime until) {

        public QuietHours {
            if (from == null || until == null || from.equals(until)) {
                throw new EventContractException(
                        null, "victimContact.contacts.quietHours", "needs two different times");
            }
        }
    }
}
