package kz.qorgau.notification.acknowledgement;

import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.sealed.LocalDemoKeys;
import kz.qorgau.kit.security.SignedTokens;
import kz.qorgau.notification.delivery.AcknowledgementLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs each attempt's acknowledgement link (docs/adr/0024), with the configured key; with the public demo key
 * only where demo keys are allowed (docs/adr/0014). A demo key configured where they are not stops the start;
 * no key at all means no links.
 */
@Component
class SignedLinks implements AcknowledgementLinks {

    static final String PATH = "/acknowledgements/";

    private static final Logger log = LoggerFactory.getLogger(SignedLinks.class);

    private final SignedTokens tokens;
    private final AcknowledgementProperties properties;
    private final Clock clock;

    SignedLinks(AcknowledgementProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        String key = properties.key();
        if ((key == null || key.isBlank()) && !properties.allowLocalDemoKey()) {
            log.warn("No qorgau.notification.acknowledgement.key: police notices carry no acknowledgement link, and"
                    + " urgent ones are re-sent and escalated as if nobody acknowledged");
            this.tokens = null;
            return;
        }
        String chosen = LocalDemoKeys.singleKey(
                key,
                properties.allowLocalDemoKey(),
                LocalDemoKeys.ACKNOWLEDGEMENT_KEY,
                "qorgau.notification.acknowledgement.key",
                "QORGAU_NOTIFICATION_ACKNOWLEDGEMENT_KEY");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(chosen);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("qorgau.notification.acknowledgement.key is not base64");
        }
        this.tokens = new SignedTokens(bytes, "qorgau.notification.acknowledgement.key");
    }

    @Override
    public Optional<URI> linkFor(UUID noticeId) {
        if (tokens == null) {
            return Optional.empty();
        }
        String token = tokens.sign(noticeId, clock.instant().plus(properties.linkValidity()));
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        return Optional.of(URI.create(base + PATH + token));
    }

    /** The token's claim, if links are signed here and it is genuine. */
    Optional<SignedTokens.Claim> verify(String token) {
        return tokens == null ? Optional.empty() : tokens.verify(token);
    }
}
