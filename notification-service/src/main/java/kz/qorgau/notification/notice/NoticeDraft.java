package kz.qorgau.notification.notice;

import java.time.Instant;

/**
 * A notice about to be recorded: who is told, how urgently, and the rendered text (an e-mail's subject
 * and body, or a webhook's JSON document as body). Police-facing: never a victim's data.
 */
public record NoticeDraft(Recipient recipient, Urgency urgency, String subject, String body, Instant notBefore) {

    /** A draft due at once. */
    public NoticeDraft(Recipient recipient, Urgency urgency, String subject, String body) {
        this(recipient, urgency, subject, body, null);
    }

    @Override
    public String toString() {
        return "NoticeDraft[" + recipient + ", " + urgency + "]";
    }
}
