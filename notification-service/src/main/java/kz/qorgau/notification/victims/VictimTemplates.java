package kz.qorgau.notification.victims;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Victims' notices rendered with mustache.java from {@code victim-notices/<notice>.<language>.mustache} and {@code
 * subject.<language>.mustache} (issue 14): kk, ru and en, Kazakh when the language is another. Plain text (no HTML
 * escaping): they go by SMS or as text e-mail. The templates name only what the model's {@link #KEYS} hold: the
 * order's number, the number to call, where help is and the reply link; never an address nor a case detail.
 */
final class VictimTemplates {

    static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

    /** What a template may use. */
    static final Set<String> KEYS = Set.of(
            "orderNumber", "callNumber", "familySupportCentre", "familySupportCentrePhone", "helpLine", "replyLink");

    private final MustacheFactory factory = new DefaultMustacheFactory("victim-notices") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    /** The notice's subject and text in {@code language}, for an SMS. */
    Rendered render(VictimNotice notice, String language, Map<String, ?> model) {
        return render(notice, language, model, false);
    }

    /**
     * The notice's subject and text in {@code language}; by e-mail with a last line saying not to reply to it (e-mail
     * replies are not read, docs/adr/0036): the link is the way to answer.
     */
    Rendered render(VictimNotice notice, String language, Map<String, ?> model, boolean byEmail) {
        String lang = LANGUAGES.contains(language) ? language : "kk";
        // Only the keys a template may use reach it, whatever the caller put in.
        Map<String, Object> scope = new HashMap<>();
        model.forEach((key, value) -> {
            if (KEYS.contains(key) && value != null) {
                scope.put(key, value);
            }
        });
        String body = run(notice.template() + "." + lang + ".mustache", scope);
        if (byEmail) {
            body = body + "\n\n" + run("email-footer." + lang + ".mustache", scope);
        }
        return new Rendered(run("subject." + lang + ".mustache", scope), body);
    }

    private String run(String name, Map<String, ?> model) {
        StringWriter out = new StringWriter();
        compiled.computeIfAbsent(name, factory::compile).execute(out, model);
        return out.toString().strip().replaceAll("\\s*\\R\\s*", " ");
    }

    record Rendered(String subject, String body) {}
}
