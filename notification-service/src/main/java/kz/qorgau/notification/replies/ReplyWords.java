package kz.qorgau.notification.replies;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a victim's SMS says, in kk, ru or en (docs/adr/0036): STOP, SAFE or HELP, compared without case, spaces
 * and punctuation around or between the letters ("  көмек! " is HELP). Anything else is no answer: it is dropped,
 * never read further nor kept.
 */
final class ReplyWords {

    enum Answer {
        STOP,
        SAFE,
        HELP
    }

    private final ReplyProperties properties;

    ReplyWords(ReplyProperties properties) {
        this.properties = properties;
    }

    Optional<Answer> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String said = normalised(text);
        if (said.isEmpty()) {
            return Optional.empty();
        }
        // HELP first: a message that somehow says two things is taken as the most urgent one.
        if (matches(said, properties.help())) {
            return Optional.of(Answer.HELP);
        }
        if (matches(said, properties.stop())) {
            return Optional.of(Answer.STOP);
        }
        if (matches(said, properties.safe())) {
            return Optional.of(Answer.SAFE);
        }
        return Optional.empty();
    }

    private static boolean matches(String said, List<String> words) {
        return words.stream().map(ReplyWords::normalised).anyMatch(said::equals);
    }

    /** Upper case, letters and digits only (NFC, so a composed Kazakh letter equals its decomposed form). */
    static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
