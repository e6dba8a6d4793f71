package kz.qorgau.notification.replies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.PublicEndpoint;
import kz.qorgau.notification.contacts.ContactDirectory;
import kz.qorgau.notification.contacts.ReplyLinks;
import kz.qorgau.notification.platform.PublicPages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SAFE/HELP page a victim's notice links to (docs/adr/0036), public: the signed, expiring link of one verified
 * contact is the capability. A GET only shows the two buttons (link scanners fetch links nobody read); a POST acts,
 * as a reply by SMS would. In the contact's language; it names neither the police, Qorgau nor the order. Limited per
 * link and per client address ({@link ReplyLimits}): beyond, a 429 problem with Retry-After; and a HELP within the
 * order's window is answered "already sent, help is on its way" ({@link HelpWindow}).
 */
@RestController
@PublicEndpoint("the signed, expiring link of one verified contact is the capability")
@ApiResponse(
        responseCode = "429",
        description = "Too many requests from this link or address; Retry-After says when to try.",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
class ReplyPage {

    private static final Map<String, Map<Text, String>> TEXTS = Map.of(
            "kk",
            Map.of(
                    Text.ASK, "Жағдайыңыз қалай?",
                    Text.SAFE, "Мен қауіпсізмін",
                    Text.HELP, "Маған көмек керек",
                    Text.SAFE_DONE, "Рахмет. Қауіп төнсе, 102 нөміріне қоңырау шалыңыз.",
                    Text.HELP_DONE, "Полиция хабардар етілді. Қауіп төнсе, дереу 102 нөміріне қоңырау шалыңыз.",
                    Text.HELP_ALREADY_SENT,
                            "Хабар жіберілді, көмек жолда. Қауіп төнсе, дереу 102 нөміріне қоңырау шалыңыз.",
                    Text.GONE, "Сілтеме жарамсыз немесе мерзімі өтті. Қауіп төнсе, 102 нөміріне қоңырау шалыңыз."),
            "ru",
            Map.of(
                    Text.ASK, "Как вы?",
                    Text.SAFE, "Я в безопасности",
                    Text.HELP, "Мне нужна помощь",
                    Text.SAFE_DONE, "Спасибо. При опасности звоните 102.",
                    Text.HELP_DONE, "Полиция уведомлена. Если вы в опасности, звоните 102 сейчас.",
                    Text.HELP_ALREADY_SENT, "Уже отправлено, помощь в пути. Если вы в опасности, звоните 102 сейчас.",
                    Text.GONE, "Ссылка недействительна или устарела. При опасности звоните 102."),
            "en",
            Map.of(
                    Text.ASK, "How are you?",
                    Text.SAFE, "I am safe",
                    Text.HELP, "I need help",
                    Text.SAFE_DONE, "Thank you. If you are in danger, call 102.",
                    Text.HELP_DONE, "The police have been told. If you are in danger, call 102 now.",
                    Text.HELP_ALREADY_SENT, "Already sent: help is on its way. If you are in danger, call 102 now.",
                    Text.GONE, "This link is not valid or has expired. If you are in danger, call 102."));

    static final URI TOO_MANY = URI.create("urn:qorgau:problem:too-many-replies");

    private final ReplyLinks links;
    private final ContactDirectory directory;
    private final VictimReplies replies;
    private final ReplyLimits limits;
    private final Clock clock;

    ReplyPage(ReplyLinks links, ContactDirectory directory, VictimReplies replies, ReplyLimits limits, Clock clock) {
        this.links = links;
        this.limits = limits;
        this.directory = directory;
        this.replies = replies;
        this.clock = clock;
    }

    @GetMapping(path = ReplyLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "The SAFE/HELP page of a victim's notice",
            description = "Shows the two buttons; does nothing (link scanners fetch links).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The buttons.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "404",
                        description = "A link that is not ours, expired, or of a contact no longer verified.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
            })
    ResponseEntity<String> show(
            @Parameter(description = "The link's signed token.") @PathVariable String token, HttpServletRequest http) {
        limit(token, http);
        return contact(token)
                .map(contact -> page(HttpStatus.OK, contact.language(), Text.ASK, token))
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, "kk", Text.GONE, null));
    }

    @PostMapping(path = ReplyLinks.PATH + "{token}/safe", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "A victim says they are safe",
            description = "Recorded only (VictimReplied); it never cancels nor downgrades anything.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Recorded.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "404",
                        description = "A link that is not ours, expired, or of a contact no longer verified.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
            })
    ResponseEntity<String> safe(
            @Parameter(description = "The link's signed token.") @PathVariable String token, HttpServletRequest http) {
        limit(token, http);
        return act(token, ReplyWords.Answer.SAFE);
    }

    @PostMapping(path = ReplyLinks.PATH + "{token}/help", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "A victim asks for help",
            description = "VictimRequestedHelp: the order's duty unit is told at once (urgent, acknowledged and"
                    + " escalated like a violation), and the contact is told to call 102.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The duty unit's notice is recorded, or was within the order's window"
                                + " (\"already sent, help is on its way\"; the press recorded).",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "404",
                        description = "A link that is not ours, expired, or of a contact no longer verified.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
            })
    ResponseEntity<String> help(
            @Parameter(description = "The link's signed token.") @PathVariable String token, HttpServletRequest http) {
        limit(token, http);
        return act(token, ReplyWords.Answer.HELP);
    }

    private ResponseEntity<String> act(String token, ReplyWords.Answer answer) {
        Optional<ContactDirectory.Reachable> contact = contact(token);
        Optional<VictimReplies.Heard> heard = contact.flatMap(found -> replies.fromLink(found.id(), answer));
        if (heard.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "kk", Text.GONE, null);
        }
        Text done =
                switch (heard.get()) {
                    case RECORDED -> Text.SAFE_DONE;
                    case HELP_SENT -> Text.HELP_DONE;
                    case HELP_ALREADY_SENT -> Text.HELP_ALREADY_SENT;
                };
        return page(HttpStatus.OK, contact.get().language(), done, null);
    }

    /** Before anything else, the link's and the address's allowances: beyond them, 429 with Retry-After. */
    private void limit(String token, HttpServletRequest http) {
        limits.take(http.getRemoteAddr(), token).ifPresent(wait -> {
            ErrorResponseException refusal = Problems.error(
                    HttpStatus.TOO_MANY_REQUESTS,
                    TOO_MANY,
                    "Too many requests",
                    "Too many requests to this page; try again after Retry-After seconds. If you are in danger,"
                            + " call 102.");
            refusal.getHeaders()
                    .set(
                            HttpHeaders.RETRY_AFTER,
                            Long.toString(Math.max(1, wait.retryAfter().toSeconds() + 1)));
            throw refusal;
        });
    }

    private Optional<ContactDirectory.Reachable> contact(String token) {
        return links.verify(token)
                .filter(claim -> !claim.expiredAt(clock.instant()))
                .flatMap(claim -> directory.verified(claim.id()));
    }

    private static ResponseEntity<String> page(HttpStatus status, String language, Text text, String formToken) {
        Map<Text, String> texts = TEXTS.getOrDefault(language, TEXTS.get("kk"));
        String forms = formToken == null
                ? ""
                : PublicPages.button(formToken + "/help", texts.get(Text.HELP))
                        + PublicPages.button(formToken + "/safe", texts.get(Text.SAFE));
        return PublicPages.victimPage(status, language, texts.get(Text.ASK), texts.get(text), forms);
    }

    private enum Text {
        ASK,
        SAFE,
        HELP,
        SAFE_DONE,
        HELP_DONE,
        HELP_ALREADY_SENT,
        GONE
    }
}
