package kz.qorgau.notification.replies;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.VictimReplied;
import kz.qorgau.events.VictimRequestedHelp;
import kz.qorgau.notification.contacts.ContactDirectory;
import kz.qorgau.notification.contacts.ContactVerification;
import kz.qorgau.notification.notice.NoticeCause;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.NoticeRegistration;
import kz.qorgau.notification.notice.Occurrence;
import kz.qorgau.notification.notice.OrderFact;
import kz.qorgau.notification.notice.Urgency;
import kz.qorgau.notification.outcome.OutcomeOutbox;
import kz.qorgau.notification.routing.PoliceNotices;
import kz.qorgau.notification.victims.VictimNotices;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a victim's answer does (docs/adr/0036), each in one short transaction; nothing is sent here, the delivery
 * engine sends what is recorded:
 * <ul>
 *   <li><b>STOP</b> (SMS): every contact with that phone is opted out at once.
 *   <li><b>SAFE</b>: {@link VictimReplied} is recorded, and nothing else: it never cancels nor downgrades anything,
 *       for the offender may be holding the phone.
 *   <li><b>HELP</b>: {@link VictimRequestedHelp}, the urgent police notices routed for it (the duty unit: the order
 *       and the unit to call, never the contact), acknowledged and escalated like a violation, and the contact's
 *       immediate answer ("If you are in danger, call 102 now"), in its language. At most once per order per
 *       {@code help-notice-every} ({@link HelpWindow}): a HELP within it is recorded ({@link VictimReplied},
 *       {@value #HELP_REPEATED}) and answered "already sent", with no new notice to the police.
 * </ul>
 * Only verified contacts are heard: an unverified phone's SAFE or HELP is nobody's.
 */
@Service
class VictimReplies {

    static final String CONSUMER = "victim-replies";

    /** {@link VictimReplied}'s answer for a HELP within the order's window: recorded, the police not told again. */
    static final String HELP_REPEATED = "HELP_REPEATED";

    /** What an answer did. */
    enum Heard {
        /** SAFE, recorded. */
        RECORDED,
        /** HELP: the police are told. */
        HELP_SENT,
        /** HELP within the order's window: recorded, the police were told already. */
        HELP_ALREADY_SENT
    }

    private final ContactDirectory directory;
    private final ContactVerification verification;
    private final VictimNotices victimNotices;
    private final PoliceNotices policeNotices;
    private final NoticeRegistration registration;
    private final OutcomeOutbox outbox;
    private final HelpWindow window;
    private final ReplyLimitProperties limits;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VictimReplies(
            ContactDirectory directory,
            ContactVerification verification,
            VictimNotices victimNotices,
            PoliceNotices policeNotices,
            NoticeRegistration registration,
            OutcomeOutbox outbox,
            HelpWindow window,
            ReplyLimitProperties limits,
            TransactionTemplate transactions,
            Clock clock) {
        this.directory = directory;
        this.verification = verification;
        this.victimNotices = victimNotices;
        this.policeNotices = policeNotices;
        this.registration = registration;
        this.outbox = outbox;
        this.window = window;
        this.limits = limits;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** An inbound SMS's answer from {@code phone}; how many contacts it concerned. */
    int fromPhone(String phone, ReplyWords.Answer answer) {
        if (answer == ReplyWords.Answer.STOP) {
            return verification.optOutPhone(phone, ContactVerification.VIA_SMS_REPLY);
        }
        List<ContactDirectory.Reachable> contacts = directory.verifiedWithPhone(phone);
        contacts.forEach(contact -> answer(contact, answer, ContactVerification.VIA_SMS_REPLY));
        return contacts.size();
    }

    /** A notice link's answer; empty when the contact is not (or no longer) verified. */
    Optional<Heard> fromLink(UUID contactId, ReplyWords.Answer answer) {
        return directory.verified(contactId).map(found -> answer(found, answer, ContactVerification.VIA_LINK));
    }

    private Heard answer(ContactDirectory.Reachable contact, ReplyWords.Answer answer, String via) {
        if (answer == ReplyWords.Answer.HELP) {
            return help(contact, via);
        }
        safe(contact, via);
        return Heard.RECORDED;
    }

    private void safe(ContactDirectory.Reachable contact, String via) {
        transactions.executeWithoutResult(
                status -> replied(contact, ReplyWords.Answer.SAFE.name(), via, now().toInstant()));
    }

    private UUID replied(ContactDirectory.Reachable contact, String answer, String via, java.time.Instant at) {
        return outbox.record(
                new VictimReplied(
                        contact.orderId().toString(), contact.id().toString(), contact.channel(), answer, via, at),
                contact.id(),
                null,
                null);
    }

    private Heard help(ContactDirectory.Reachable contact, String via) {
        return transactions.execute(status -> {
            OffsetDateTime now = now();
            if (window.press(contact.orderId(), now, limits.helpNoticeEvery()) == HelpWindow.Decision.ALREADY_SENT) {
                // Recorded, in the trail too; by SMS the victim is answered again, for they cannot see a page.
                UUID repeated = replied(contact, HELP_REPEATED, via, now.toInstant());
                if (ContactVerification.VIA_SMS_REPLY.equals(via)) {
                    NoticeCause cause = new NoticeCause(
                            repeated, contact.orderId().toString(), VictimReplied.TYPE, 0, now, null, null);
                    registration.recordFollowUp(
                            cause, contact.district(), null, List.of(victimNotices.helpReply(contact)));
                }
                return Heard.HELP_ALREADY_SENT;
            }
            String orderId = contact.orderId().toString();
            UUID eventId = outbox.record(
                    new VictimRequestedHelp(
                            orderId,
                            contact.orderNumber(),
                            contact.district(),
                            contact.policeUnit(),
                            contact.id().toString(),
                            contact.channel(),
                            via,
                            now.toInstant()),
                    contact.id(),
                    null,
                    null);
            // The notices' cause is the event itself: acknowledged, re-sent and escalated by its type.
            NoticeCause cause = new NoticeCause(eventId, orderId, VictimRequestedHelp.TYPE, 0, now, null, null);
            OrderFact fact = new OrderFact(
                    Occurrence.VICTIM_REQUESTED_HELP,
                    orderId,
                    contact.orderNumber(),
                    contact.district(),
                    contact.policeUnit(),
                    now.toInstant(),
                    Urgency.URGENT,
                    detail(via, contact.language()));
            List<NoticeDraft> drafts = new ArrayList<>(policeNotices.victimRequestedHelp(cause, fact));
            drafts.add(victimNotices.helpReply(contact));
            registration.recordFollowUp(cause, contact.district(), null, drafts);
            return Heard.HELP_SENT;
        });
    }

    /**
     * For the police, in Kazakh, Russian and English: how the victim asked, in which language to call back, and
     * where to find the contact (never the contact itself).
     */
    static String detail(String via, String language) {
        boolean sms = ContactVerification.VIA_SMS_REPLY.equals(via);
        String lang = language == null || !language.matches("[a-z]{2}") ? "kk" : language;
        return (sms ? "Жәбірленуші SMS арқылы КӨМЕК сұрады" : "Жәбірленуші сілтеме арқылы КӨМЕК сұрады")
                + " / " + (sms ? "Потерпевший запросил ПОМОЩЬ по SMS" : "Потерпевший запросил ПОМОЩЬ по ссылке")
                + " / " + (sms ? "The victim asked for HELP by SMS" : "The victim asked for HELP by the link")
                + ". Тілі / Язык / Language: " + lang
                + ". Байланыс: Qorgau, нұсқама бойынша / Контакт: в Qorgau по предписанию / Contact: in Qorgau, by"
                + " the order";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
