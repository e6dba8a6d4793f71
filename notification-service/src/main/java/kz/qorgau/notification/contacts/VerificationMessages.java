package kz.qorgau.notification.contacts;

import java.util.Map;
import kz.qorgau.events.NotificationChannel;

/**
 * The verification message in the contact's language (docs/adr/0030). It names neither the police, Qorgau nor an
 * order: someone else may read that phone or mailbox. Stored with placeholders; the code and the link are filled
 * in just before each attempt, so the notice table never holds them.
 */
final class VerificationMessages {

    static final String CODE = "{code}";
    static final String LINK = "{link}";

    private static final Map<String, String> SUBJECTS =
            Map.of("kk", "Растау коды", "ru", "Код подтверждения", "en", "Confirmation code");

    private static final Map<String, String> BODIES = Map.of(
            "kk", "Растау коды: " + CODE + ". Растау: " + LINK + " Егер бұл сізге арналмаса, елемеңіз.",
            "ru", "Код подтверждения: " + CODE + ". Подтвердить: " + LINK + " Если это не вам, не отвечайте.",
            "en", "Your confirmation code: " + CODE + ". Confirm: " + LINK + " If this is not for you, ignore it.");

    /** After the text of an e-mail: e-mail replies are not read (docs/adr/0036); the link is the way to answer. */
    private static final Map<String, String> EMAIL_ENDINGS = Map.of(
            "kk", "\n\nБұл хатқа жауап бермеңіз: жауаптар оқылмайды. Сілтемені пайдаланыңыз.",
            "ru", "\n\nНе отвечайте на это письмо: ответы не читаются. Воспользуйтесь ссылкой.",
            "en", "\n\nDo not reply to this e-mail: replies are not read. Use the link.");

    private VerificationMessages() {}

    static String subject(String language) {
        return SUBJECTS.getOrDefault(language, SUBJECTS.get("kk"));
    }

    static String body(String language) {
        return BODIES.getOrDefault(language, BODIES.get("kk"));
    }

    static String body(String language, NotificationChannel channel) {
        return channel == NotificationChannel.EMAIL
                ? body(language) + EMAIL_ENDINGS.getOrDefault(language, EMAIL_ENDINGS.get("kk"))
                : body(language);
    }

    /** The text of one attempt. */
    static String fill(String text, String code, String link) {
        return text.replace(CODE, code).replace(LINK, link);
    }
}
