package kz.qorgau.notification.acknowledgement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.Optional;
import kz.qorgau.kit.security.PublicEndpoint;
import kz.qorgau.kit.security.SignedTokens;
import kz.qorgau.notification.platform.PublicPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The acknowledgement link's page (docs/adr/0024), public: the signed token is all it needs. A GET only shows the
 * page with its form, since mail and chat link scanners fetch links nobody read; the POST acknowledges. HTML for
 * a person, no bearer token: the kit's {@link PublicEndpoint} documents why.
 */
@RestController
@PublicEndpoint("the signed, single-use, expiring acknowledgement token in the path is the capability")
class AcknowledgementPage {

    private final SignedLinks links;
    private final Acknowledgements acknowledgements;
    private final Clock clock;

    AcknowledgementPage(SignedLinks links, Acknowledgements acknowledgements, Clock clock) {
        this.links = links;
        this.acknowledgements = acknowledgements;
        this.clock = clock;
    }

    @GetMapping(path = SignedLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "The acknowledgement page of a police notice's link",
            description = "Shows the notice's subject and a form; acknowledges nothing (link scanners fetch links).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The page with its form.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "404",
                        description = "A link that is not ours or names no notice.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "410",
                        description = "Already acknowledged, or the link expired.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
            })
    ResponseEntity<String> show(@Parameter(description = "The link's signed token.") @PathVariable String token) {
        Optional<SignedTokens.Claim> claim = links.verify(token);
        if (claim.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Сілтеме жарамсыз / Ссылка недействительна", "", false);
        }
        Optional<Acknowledgements.Shown> notice =
                acknowledgements.find(claim.get().id());
        if (notice.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Сілтеме жарамсыз / Ссылка недействительна", "", false);
        }
        if (notice.get().acknowledgedAt() != null) {
            return page(
                    HttpStatus.GONE,
                    "Расталған / Уже подтверждено",
                    notice.get().subject(),
                    false);
        }
        if (expired(claim.get())) {
            return page(
                    HttpStatus.GONE,
                    "Сілтеменің мерзімі өтті / Срок ссылки истёк",
                    notice.get().subject(),
                    false);
        }
        return page(
                HttpStatus.OK,
                "Алғаныңызды растаңыз / Подтвердите получение",
                notice.get().subject(),
                true);
    }

    @PostMapping(path = SignedLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "Acknowledge a police notice",
            description = "Records the acknowledgement once, with its time and channel; NotificationAcknowledged.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Acknowledged.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "404",
                        description = "A link that is not ours.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)),
                @ApiResponse(
                        responseCode = "410",
                        description = "Already acknowledged (single use), or the link expired.",
                        content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
            })
    ResponseEntity<String> acknowledge(
            @Parameter(description = "The link's signed token.") @PathVariable String token) {
        Optional<SignedTokens.Claim> claim = links.verify(token);
        if (claim.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Сілтеме жарамсыз / Ссылка недействительна", "", false);
        }
        if (expired(claim.get())) {
            return page(HttpStatus.GONE, "Сілтеменің мерзімі өтті / Срок ссылки истёк", "", false);
        }
        if (!acknowledgements.acknowledge(claim.get().id())) {
            return page(HttpStatus.GONE, "Расталған / Уже подтверждено", "", false);
        }
        return page(HttpStatus.OK, "Расталды, рахмет / Подтверждено, спасибо", "", false);
    }

    private boolean expired(SignedTokens.Claim claim) {
        return !clock.instant().isBefore(claim.expires());
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String subject, boolean form) {
        String html = "<!DOCTYPE html>\n<html lang=\"kk\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>Qorgau</title></head><body>\n<h1>"
                + HtmlUtils.htmlEscape(title) + "</h1>\n"
                + (subject.isEmpty() ? "" : "<p>" + HtmlUtils.htmlEscape(subject) + "</p>\n")
                + (form
                        ? "<form method=\"post\"><button type=\"submit\">Растаймын / Подтверждаю</button></form>\n"
                        : "")
                + "</body></html>\n";
        return PublicPages.html(status, html);
    }
}
