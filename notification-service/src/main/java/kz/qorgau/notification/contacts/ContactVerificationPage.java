package kz.qorgau.notification.contacts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import kz.qorgau.kit.security.PublicEndpoint;
import kz.qorgau.notification.platform.PublicPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The verification page of a victim's contact (docs/adr/0030), public: the signed link is all it needs, and the
 * one-time code proves the reader holds the phone or mailbox. A GET only shows the form (link scanners fetch links
 * nobody read); a POST with the code verifies; a POST to {@code /stop} opts the contact out at once. The page is in
 * the contact's language and names neither the police, Qorgau nor an order.
 */
@RestController
@PublicEndpoint("the signed, expiring link of one contact and its one-time code are the capability")
class ContactVerificationPage {

    private static final Map<String, Map<Text, String>> TEXTS = Map.of(
            "kk",
            Map.of(
                    Text.ASK, "Хабарламадағы кодты енгізіңіз",
                    Text.CONFIRM, "Растау",
                    Text.STOP, "Маған енді жазбаңыз",
                    Text.DONE, "Расталды. Рахмет.",
                    Text.WRONG, "Код қате. Қайта енгізіңіз.",
                    Text.LOCKED, "Тым көп қате код. Бұл сілтеме енді жұмыс істемейді.",
                    Text.GONE, "Сілтеме жарамсыз немесе мерзімі өтті.",
                    Text.STOPPED, "Сізге енді хабарлама келмейді."),
            "ru",
            Map.of(
                    Text.ASK, "Введите код из сообщения",
                    Text.CONFIRM, "Подтвердить",
                    Text.STOP, "Больше не писать мне",
                    Text.DONE, "Подтверждено. Спасибо.",
                    Text.WRONG, "Неверный код. Попробуйте ещё раз.",
                    Text.LOCKED, "Слишком много неверных кодов. Ссылка больше не действует.",
                    Text.GONE, "Ссылка недействительна или устарела.",
                    Text.STOPPED, "Вам больше не будут писать."),
            "en",
            Map.of(
                    Text.ASK, "Enter the code from the message",
                    Text.CONFIRM, "Confirm",
                    Text.STOP, "Do not write to me again",
                    Text.DONE, "Confirmed. Thank you.",
                    Text.WRONG, "Wrong code. Please try again.",
                    Text.LOCKED, "Too many wrong codes. This link no longer works.",
                    Text.GONE, "This link is not valid or has expired.",
                    Text.STOPPED, "You will not be written to again."));

    private final VerificationLinks links;
    private final VictimContactsLedger ledger;
    private final ContactVerification verification;
    private final Clock clock;

    ContactVerificationPage(
            VerificationLinks links, VictimContactsLedger ledger, ContactVerification verification, Clock clock) {
        this.links = links;
        this.ledger = ledger;
        this.verification = verification;
        this.clock = clock;
    }

    @GetMapping(path = VerificationLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "The verification page of a victim's contact",
            description = "Shows the form for the one-time code; verifies nothing (link scanners fetch links).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The form.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "404",
                        description = "A link that is not ours or names no contact.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "410",
                        description = "Expired, or nothing left to verify.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
            })
    ResponseEntity<String> show(@Parameter(description = "The link's signed token.") @PathVariable String token) {
        Optional<VictimContactsLedger.Row> contact = contact(token);
        if (contact.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "kk", Text.GONE, null);
        }
        String language = contact.get().language();
        if (expired(token) || contact.get().state() != ContactState.UNVERIFIED) {
            return page(
                    contact.get().state() == ContactState.VERIFIED ? HttpStatus.OK : HttpStatus.GONE,
                    language,
                    contact.get().state() == ContactState.VERIFIED ? Text.DONE : Text.GONE,
                    null);
        }
        return page(HttpStatus.OK, language, Text.ASK, token);
    }

    @PostMapping(path = VerificationLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "Verify a victim's contact with its one-time code",
            description = "The right code verifies the contact (ContactVerified); a wrong one is refused and counted,"
                    + " and too many lock the contact.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Verified (now or before).",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "400",
                        description = "A wrong code; the form again.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "404",
                        description = "A link that is not ours.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "410",
                        description = "Expired, opted out or replaced.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "429",
                        description = "Too many wrong codes: locked.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
            })
    ResponseEntity<String> verify(
            @Parameter(description = "The link's signed token.") @PathVariable String token,
            @Parameter(description = "The one-time code (form field).") @RequestParam(required = false) String code) {
        Optional<VictimContactsLedger.Row> contact = contact(token);
        if (contact.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "kk", Text.GONE, null);
        }
        String language = contact.get().language();
        if (expired(token)) {
            return page(HttpStatus.GONE, language, Text.GONE, null);
        }
        return switch (verification.verify(contact.get().id(), code)) {
            case VERIFIED, ALREADY_VERIFIED -> page(HttpStatus.OK, language, Text.DONE, null);
            case WRONG_CODE -> page(HttpStatus.BAD_REQUEST, language, Text.WRONG, token);
            case LOCKED -> page(HttpStatus.TOO_MANY_REQUESTS, language, Text.LOCKED, null);
            case EXPIRED, GONE -> page(HttpStatus.GONE, language, Text.GONE, null);
        };
    }

    @PostMapping(path = VerificationLinks.PATH + "{token}/stop", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "Opt a victim's contact out",
            description = "At once and for good: the contact gets nothing more (ContactOptedOut). Needs no code:"
                    + " whoever holds the phone may stop the messages.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Opted out (now or before).",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "404",
                        description = "A link that is not ours.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
            })
    ResponseEntity<String> stop(@Parameter(description = "The link's signed token.") @PathVariable String token) {
        Optional<VictimContactsLedger.Row> contact = contact(token);
        if (contact.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "kk", Text.GONE, null);
        }
        // Even after the link expired: stopping must always work.
        verification.optOut(contact.get().id(), ContactVerification.VIA_LINK);
        return page(HttpStatus.OK, contact.get().language(), Text.STOPPED, null);
    }

    private Optional<VictimContactsLedger.Row> contact(String token) {
        return links.verify(token).flatMap(claim -> ledger.find(claim.id()));
    }

    private boolean expired(String token) {
        return links.verify(token)
                .map(claim -> claim.expiredAt(clock.instant()))
                .orElse(true);
    }

    /** The page; with the code's form and the stop button when {@code formToken} is given. */
    private static ResponseEntity<String> page(HttpStatus status, String language, Text text, String formToken) {
        Map<Text, String> texts = TEXTS.getOrDefault(language, TEXTS.get("kk"));
        String forms = formToken == null
                ? ""
                : "<form method=\"post\"><input name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\""
                        + " maxlength=\"6\" required> <button type=\"submit\">"
                        + HtmlUtils.htmlEscape(texts.get(Text.CONFIRM)) + "</button></form>\n"
                        + PublicPages.button(formToken + "/stop", texts.get(Text.STOP));
        return PublicPages.victimPage(status, language, texts.get(Text.CONFIRM), texts.get(text), forms);
    }

    private enum Text {
        ASK,
        CONFIRM,
        STOP,
        DONE,
        WRONG,
        LOCKED,
        GONE,
        STOPPED
    }
}
