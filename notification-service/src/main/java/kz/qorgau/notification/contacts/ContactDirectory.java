package kz.qorgau.notification.contacts;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import org.springframework.stereotype.Component;

/**
 * The verified contacts other features tell or hear from (issue 14): an order's, for its notices, and a phone's,
 * for an inbound reply (found by the blind index; the number is neither stored nor logged). Never an address: the
 * delivery engine opens it just before an attempt.
 */
@Component
public class ContactDirectory {

    private final VictimContactsLedger ledger;
    private final ContactVault vault;

    ContactDirectory(VictimContactsLedger ledger, ContactVault vault) {
        this.ledger = ledger;
        this.vault = vault;
    }

    /** The order's verified contacts, most preferred first. */
    public List<Reachable> verifiedOf(UUID orderId) {
        return ledger.verifiedOf(orderId).stream()
                .map(ContactDirectory::reachable)
                .toList();
    }

    /** The verified contacts with this phone number, however it is written; newest first. */
    public List<Reachable> verifiedWithPhone(String phone) {
        return vault.phoneIndex(phone).map(ledger::verifiedWithPhone).orElse(List.of()).stream()
                .map(ContactDirectory::reachable)
                .toList();
    }

    /** One contact by id, if still verified. */
    public Optional<Reachable> verified(UUID contactId) {
        return ledger.find(contactId)
                .filter(row -> row.state() == ContactState.VERIFIED)
                .map(ContactDirectory::reachable);
    }

    private static Reachable reachable(VictimContactsLedger.Row row) {
        return new Reachable(
                row.id(),
                row.orderId(),
                row.district(),
                row.orderNumber(),
                row.policeUnit(),
                row.channel(),
                row.language(),
                row.quietFrom(),
                row.quietUntil());
    }

    /** A verified contact as other features see it: no address. */
    public record Reachable(
            UUID id,
            UUID orderId,
            String district,
            String orderNumber,
            String policeUnit,
            NotificationChannel channel,
            String language,
            LocalTime quietFrom,
            LocalTime quietUntil) {}
}
