package kz.qorgau.notification.platform;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.util.HtmlUtils;

/**
 * What the service's pages and paths share: the public pages a link leads to (acknowledgement, verification) are
 * answered uncached, unindexed and without a referrer, under a stateless filter chain of their own; order ids in
 * paths are read in their canonical form only.
 */
public final class PublicPages {

    private PublicPages() {}

    /** An HTML page for a person following a link: never cached, indexed or passed on as a referrer. */
    public static ResponseEntity<String> html(HttpStatus status, String html) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .body(html);
    }

    /**
     * A victim's page (verification, SAFE/HELP): its language, a title, one line of text and the page's forms
     * (already escaped HTML, or empty); for a phone's screen, never indexed.
     */
    public static ResponseEntity<String> victimPage(
            HttpStatus status, String language, String title, String text, String forms) {
        String html = "<!DOCTYPE html>\n<html lang=\"" + HtmlUtils.htmlEscape(language) + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + HtmlUtils.htmlEscape(title)
                + "</title></head><body>\n<p>" + HtmlUtils.htmlEscape(text) + "</p>\n"
                + forms
                + "</body></html>\n";
        return html(status, html);
    }

    /** A form posting to {@code action} with one button. */
    public static String button(String action, String label) {
        return "<form method=\"post\" action=\"" + HtmlUtils.htmlEscape(action) + "\"><button type=\"submit\">"
                + HtmlUtils.htmlEscape(label) + "</button></form>\n";
    }

    /**
     * The filter chain of a public path: no token, the link's signed token is the capability; no session, no
     * cookie, so no CSRF to defend against.
     */
    public static SecurityFilterChain chain(HttpSecurity http, String pattern) throws Exception {
        http.securityMatcher(pattern)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** Only the canonical lower-case form names an order: ids stay opaque, and a malformed one is unknown. */
    public static Optional<UUID> canonicalUuid(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id.toLowerCase(Locale.ROOT)) && id.length() == 36
                    ? Optional.of(uuid)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
