package kz.qorgau.notification.contacts;

import java.util.Map;

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

    private VerificationMessages() {}

    static String subject(String language) {
        return SUBJECTS.getOrDefault(language, SUBJECTS.get("kk"));
    }

    static String body(String language) {
        return BODIES.getOrDefault(language, BODIES.get("kk"));
    }

    /** The text of one attempt. */
    static String fill(String text, String code, String link) {
        return text.replace(CODE, code).replace(LINK, link);
    }
}
