package kz.qorgau.notification.contacts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.notification.delivery.SealedRecipients;
import kz.qorgau.notification.notice.Recipient;
import org.springframework.stereotype.Component;

/**
 * Opens a victim's contact just before an attempt (docs/adr/0030): its address, and for its verification message
 * its one-time code and signed link. Nothing of it is written back to the notice.
 */
@Component
class ContactAttempts implements SealedRecipients {

    private final VictimContactsLedger ledger;
    private final ContactVault vault;
    private final VerificationLinks links;

    ContactAttempts(VictimContactsLedger ledger, ContactVault vault, VerificationLinks links) {
        this.ledger = ledger;
        this.vault = vault;
        this.links = links;
    }

    @Override
    public Optional<Opened> open(UUID noticeId, Recipient recipient, String subject, String body) {
        Optional<VictimContactsLedger.Row> found =
                ContactGate.contactId(recipient).flatMap(ledger::find);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VictimContactsLedger.Row row = found.get();
        String address = vault.open(row.id(), ContactVault.ADDRESS, row.address());
        if (!ContactRecording.VERIFICATION_ROLE.equals(recipient.role())) {
            return Optional.of(new Opened(address, subject, body));
        }
        if (row.code() == null || row.codeExpiresAt() == null) {
            return Optional.empty();
        }
        String code = vault.open(row.id(), ContactVault.CODE, row.code());
        Instant expires = row.codeExpiresAt().toInstant();
        String link = links.linkFor(row.id(), expires);
        return Optional.of(new Opened(
                address, VerificationMessages.fill(subject, code, link), VerificationMessages.fill(body, code, link)));
    }
}
