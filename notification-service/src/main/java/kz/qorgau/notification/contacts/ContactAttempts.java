package kz.qorgau.notification.contacts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.notification.delivery.SealedRecipients;
import kz.qorgau.notification.notice.Recipient;
import org.springframework.stereotype.Component;

/**
 * Opens a victim's contact just before an attempt (docs/adr/0030): its address, and for its verification message
 * its one-time code and signed link, for a victim's notice its signed SAFE/HELP link. Nothing of it is written back
 * to the notice.
 */
@Component
class ContactAttempts implements SealedRecipients {

    /** The placeholder victims' notices carry for their SAFE/HELP link (VictimNotices.REPLY_LINK). */
    static final String REPLY_LINK = "{reply-link}";

    private final VictimContactsLedger ledger;
    private final ContactVault vault;
    private final VerificationLinks links;
    private final ReplyLinks replyLinks;
    private final Clock clock;

    ContactAttempts(
            VictimContactsLedger ledger,
            ContactVault vault,
            VerificationLinks links,
            ReplyLinks replyLinks,
            Clock clock) {
        this.ledger = ledger;
        this.vault = vault;
        this.links = links;
        this.replyLinks = replyLinks;
        this.clock = clock;
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
            String link = body.contains(REPLY_LINK) ? replyLinks.linkFor(row.id(), clock.instant()) : "";
            return Optional.of(new Opened(address, subject, body.replace(REPLY_LINK, link)));
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
