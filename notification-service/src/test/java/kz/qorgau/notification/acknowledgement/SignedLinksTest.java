package kz.qorgau.notification.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.sealed.LocalDemoKeys;
import kz.qorgau.kit.security.SignedTokens;
import org.junit.jupiter.api.Test;

/**
 * Acknowledgement links (docs/adr/0024): signed, naming one notice, expiring; the key's safe defaults (docs/adr/0014).
 */
class SignedLinksTest {

    private static final Instant NOW = Instant.parse("2026-03-10T18:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aLinkNamesItsNoticeAndExpiresAfterItsValidity() {
        SignedLinks links = new SignedLinks(properties(KEY, false), CLOCK);
        UUID notice = UUID.randomUUID();

        URI link = links.linkFor(notice).orElseThrow();

        assertThat(link.toString()).startsWith("https://qorgau.police.example.kz/acknowledgements/" + notice + ".");
        String token = link.getPath().substring(SignedLinks.PATH.length());
        SignedTokens.Claim claim = links.verify(token).orElseThrow();
        assertThat(claim.id()).isEqualTo(notice);
        assertThat(claim.expires()).isEqualTo(NOW.plus(Duration.ofHours(72)));
    }

    @Test
    void aChangedNoticeIdExpiryOrSignatureIsRefused() {
        SignedLinks links = new SignedLinks(properties(KEY, false), CLOCK);
        UUID notice = UUID.randomUUID();
        String token = links.linkFor(notice).orElseThrow().getPath().substring(SignedLinks.PATH.length());
        String[] parts = token.split("\\.");

        assertThat(links.verify(UUID.randomUUID() + "." + parts[1] + "." + parts[2]))
                .isEmpty();
        assertThat(links.verify(parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2]))
                .isEmpty();
        assertThat(links.verify(parts[0] + "." + parts[1] + ".AAAA")).isEmpty();
        assertThat(links.verify("not-a-token")).isEmpty();
        assertThat(new SignedLinks(
                                properties(
                                        Base64.getEncoder().encodeToString(new byte[] {
                                            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                                            22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32
                                        }),
                                        false),
                                CLOCK)
                        .verify(token))
                .as("another key")
                .isEmpty();
    }

    @Test
    void withoutAKeyNoticesCarryNoLinkUnlessDemoKeysAreAllowed() {
        assertThat(new SignedLinks(properties(null, false), CLOCK).linkFor(UUID.randomUUID()))
                .isEmpty();
        assertThat(new SignedLinks(properties(null, true), CLOCK).linkFor(UUID.randomUUID()))
                .isPresent();
    }

    @Test
    void theDemoKeyConfiguredWhereDemoKeysAreNotAllowedStopsTheStart() {
        assertThatThrownBy(() -> new SignedLinks(properties(LocalDemoKeys.ACKNOWLEDGEMENT_KEY, false), CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QORGAU_NOTIFICATION_ACKNOWLEDGEMENT_KEY")
                .hasMessageNotContaining(LocalDemoKeys.ACKNOWLEDGEMENT_KEY);
    }

    private static AcknowledgementProperties properties(String key, boolean demo) {
        return new AcknowledgementProperties(
                key,
                demo,
                URI.create("https://qorgau.police.example.kz/"),
                Duration.ofHours(72),
                Duration.ofMinutes(10),
                6,
                Map.of(),
                Map.of(),
                Duration.ofSeconds(5));
    }
}
