package kz.qorgau.notification.contacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.ContactOptedOut;
import kz.qorgau.events.ContactVerified;
import kz.qorgau.notification.outcome.OutcomeOutbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A contact's one-time code checked, and a contact's opt-out (docs/adr/0030), each in one transaction with its
 * event ({@link ContactVerified}, {@link ContactOptedOut}) in the kit's outbox. Wrong codes are counted; at {@code
 * max-wrong-codes} the contact is locked and its code forgotten, so guessing ends there.
 */
@Service
public class ContactVerification {

    /** How an opt-out arrived, as {@link ContactOptedOut#via()} says. */
    public static final String VIA_LINK = "LINK";

    public static final String VIA_SMS_REPLY = "SMS_REPLY";

    private final VictimContactsLedger ledger;
    private final ContactVault vault;
    private final ContactsProperties properties;
    private final OutcomeOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ContactVerification(
            VictimContactsLedger ledger,
            ContactVault vault,
            ContactsProperties properties,
            OutcomeOutbox outbox,
            TransactionTemplate transactions,
            Clock clock) {
        this.ledger = ledger;
        this.vault = vault;
        this.properties = properties;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What entering a code did. */
    public enum Outcome {
        VERIFIED,
        ALREADY_VERIFIED,
        WRONG_CODE,
        /** This wrong code was the last one allowed, or an earlier one was. */
        LOCKED,
        EXPIRED,
        /** Opted out, replaced, not opted in, or unknown: nothing to verify. */
        GONE
    }

    /** Checks {@code code} against the contact's one-time code. */
    Outcome verify(UUID contactId, String code) {
        return transactions.execute(status -> {
            VictimContactsLedger.Row row = ledger.lock(contactId).orElse(null);
            if (row == null) {
                return Outcome.GONE;
            }
            switch (row.state()) {
                case VERIFIED:
                    return Outcome.ALREADY_VERIFIED;
                case LOCKED:
                    return Outcome.LOCKED;
                case UNVERIFIED:
                    break;
                default:
                    return Outcome.GONE;
            }
            OffsetDateTime now = now();
            if (row.code() == null || row.codeExpiresAt() == null || !now.isBefore(row.codeExpiresAt())) {
                return Outcome.EXPIRED;
            }
            String expected = vault.open(row.id(), ContactVault.CODE, row.code());
            if (!matches(expected, code)) {
                int wrong = row.wrongCodes() + 1;
                boolean locked = wrong >= properties.maxWrongCodes();
                ledger.wrongCode(row.id(), wrong, locked);
                return locked ? Outcome.LOCKED : Outcome.WRONG_CODE;
            }
            ledger.verified(row.id(), now);
            outbox.record(
                    new ContactVerified(row.orderId().toString(), row.id().toString(), row.channel(), now.toInstant()),
                    row.id(),
                    null,
                    null);
            return Outcome.VERIFIED;
        });
    }

    /**
     * Opts the contact out at once: it gets nothing more, {@link ContactOptedOut} in the same transaction. False
     * when it was opted out before, or is gone.
     *
     * @param via how it asked, a code ({@link #VIA_LINK}, {@link #VIA_SMS_REPLY})
     */
    public boolean optOut(UUID contactId, String via) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            VictimContactsLedger.Row row = ledger.lock(contactId).orElse(null);
            if (row == null || row.state() == ContactState.OPTED_OUT || row.state() == ContactState.REPLACED) {
                return false;
            }
            OffsetDateTime now = now();
            ledger.optedOut(row.id(), now, via);
            outbox.record(
                    new ContactOptedOut(
                            row.orderId().toString(), row.id().toString(), row.channel(), via, now.toInstant()),
                    row.id(),
                    null,
                    null);
            return true;
        }));
    }

    /**
     * STOP from a phone (the inbound SMS, a later slice): every contact with that number is opted out, found by
     * its blind index; the number itself is never stored nor logged. How many were.
     */
    public int optOutPhone(String phone, String via) {
        List<UUID> contacts = vault.phoneIndex(phone).map(ledger::withPhone).orElse(List.of());
        int count = 0;
        for (UUID contact : contacts) {
            if (optOut(contact, via)) {
                count++;
            }
        }
        return count;
    }

    /** Constant time, so the answer's timing says nothing about how close a guess was. */
    static boolean matches(String expected, String given) {
        if (given == null) {
            return false;
        }
        String digits = given.strip();
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), digits.getBytes(StandardCharsets.US_ASCII));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
