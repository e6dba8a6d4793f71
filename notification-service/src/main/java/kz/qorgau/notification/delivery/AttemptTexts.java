package kz.qorgau.notification.delivery;

import java.net.URI;
import kz.qorgau.events.NotificationChannel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notice's text as one attempt sends it (docs/adr/0024): with its acknowledgement link (a line of the e-mail,
 * {@code acknowledgeUrl} in a webhook's document), and marked as a repeat when the ladder sends it again. A
 * supervisor's follow-up carries no link: it reports on another notice.
 */
final class AttemptTexts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AcknowledgementLinks links;

    AttemptTexts(AcknowledgementLinks links) {
        this.links = links;
    }

    ClaimedNotice forAttempt(ClaimedNotice notice) {
        if (notice.reportsNotice() != null) {
            return notice;
        }
        URI link = links.linkFor(notice.id()).orElse(null);
        String subject = notice.resends() > 0
                ? "Қайталау / Повторно (" + notice.resends() + "): " + notice.subject()
                : notice.subject();
        if (link == null) {
            return notice.withText(subject, notice.body());
        }
        if (notice.recipient().channel() == NotificationChannel.WEBHOOK) {
            JsonNode document = JSON.readTree(notice.body());
            if (document instanceof ObjectNode object) {
                object.put("acknowledgeUrl", link.toString());
                object.put("resends", notice.resends());
                return notice.withText(subject, JSON.writeValueAsString(object));
            }
            return notice.withText(subject, notice.body());
        }
        return notice.withText(
                subject, notice.body() + "\nАлғаныңызды растаңыз / Подтвердите получение:\n" + link + "\n");
    }
}
