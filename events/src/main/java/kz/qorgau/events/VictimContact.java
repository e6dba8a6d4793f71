package kz.qorgau.events;

/**
 * The victim's contact details. Personal data: it never appears in clear in an event, only as the
 * sealed plaintext of {@link OrderIssued#victimContact()} (JSON via {@link
 * kz.qorgau.events.sealed.SealedFieldCipher#sealJson}). Any field may be {@code null}; at least one
 * way to reach the victim (phone or e-mail) must be given.
 *
 * <p>{@link #toString()} is redacted so the details cannot leak into logs by accident.
 */
public record VictimContact(String fullName, String phone, String email, String address, String language) {

    public VictimContact {
        if (isBlank(phone) && isBlank(email)) {
            throw new EventContractException(null, "victimContact", "needs a phone or an e-mail");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "VictimContact[redacted]";
    }
}
