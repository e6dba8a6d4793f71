package kz.qorgau.notification.contacts;

import java.util.Optional;
import java.util.UUID;
import kz.qorgau.notification.delivery.NoticeCheck;
import kz.qorgau.notification.delivery.SealedRecipients;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.Recipient;
import org.springframework.stereotype.Component;

/**
 * What a victim's contact may be sent, asked before every attempt (docs/adr/0030): an opted-out, replaced, locked
 * or not opted-in contact nothing; an unverified one only its verification message; a verified one anything but
 * another verification message. What it may not be sent is superseded, never sent.
 */
@Component
class ContactGate implements NoticeCheck {

    private final VictimContactsLedger ledger;

    ContactGate(VictimContactsLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<String> supersededBecause(NoticeCause cause, Recipient recipient) {
        if (!SealedRecipients.isSealed(recipient)) {
            return Optional.empty();
        }
        Optional<ContactState> state =
                contactId(recipient).flatMap(ledger::find).map(VictimContactsLedger.Row::state);
        return Optional.ofNullable(
                reason(state.orElse(null), ContactRecording.VERIFICATION_ROLE.equals(recipient.role())));
    }

    /** Why a notice may not go to a contact in {@code state} (null: it may); {@code state} null: it is gone. */
    static String reason(ContactState state, boolean verification) {
        if (state == null) {
            return "CONTACT_DELETED";
        }
        return switch (state) {
            case UNVERIFIED -> verification ? null : "CONTACT_UNVERIFIED";
            case VERIFIED -> verification ? "CONTACT_VERIFIED" : null;
            case LOCKED -> "CONTACT_LOCKED";
            case OPTED_OUT -> "CONTACT_OPTED_OUT";
            case NOT_OPTED_IN -> "CONTACT_NOT_OPTED_IN";
            case REPLACED -> "CONTACT_REPLACED";
        };
    }

    static Optional<UUID> contactId(Recipient recipient) {
        try {
            return Optional.of(UUID.fromString(recipient.address().substring(SealedRecipients.PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
