package kz.qorgau.notification.notice;

/**
 * A notice about to be recorded: who is told, how urgently, and the rendered text (an e-mail's subject
 * and body, or a webhook's JSON document as body). Police-facing: never a victim's data.
 */
public record NoticeDraft(Recipient recipient, Urgency urgency, String subject, String body) {

    @Override
    public String toString() {
        return "NoticeDraft[" + recipient + ", " + urgency + "]";
    }
}
