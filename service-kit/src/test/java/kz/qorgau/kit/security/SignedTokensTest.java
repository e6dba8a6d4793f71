package kz.qorgau.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aTokenNamesItsIdAndExpiryAndOnlyItsKeyVerifiesIt() {
        UUID id = UUID.randomUUID();
        Instant expires = Instant.parse("2026-12-01T10:00:00Z");
        String token = new SignedTokens(KEY, "k").sign(id, expires);

        SignedTokens.Claim claim = new SignedTokens(KEY, "k").verify(token).orElseThrow();

        assertThat(claim.id()).isEqualTo(id);
        assertThat(claim.expires()).isEqualTo(expires);
        assertThat(claim.expiredAt(expires.minusSeconds(1))).isFalse();
        assertThat(claim.expiredAt(expires)).isTrue();
        assertThat(new SignedTokens(OTHER, "k").verify(token))
                .as("another purpose's key")
                .isEmpty();
        String otherId = UUID.randomUUID() + token.substring(36);
        assertThat(new SignedTokens(KEY, "k").verify(otherId))
                .as("another id, same signature")
                .isEmpty();
        String later = token.replace("." + expires.getEpochSecond() + ".", "." + (expires.getEpochSecond() + 9) + ".");
        assertThat(new SignedTokens(KEY, "k").verify(later))
                .as("a later expiry")
                .isEmpty();
        assertThat(new SignedTokens(KEY, "k").verify("x".repeat(201))).isEmpty();
        assertThat(new SignedTokens(KEY, "k").verify(null)).isEmpty();
    }

    @Test
    void aShortKeyIsRefusedNamingItsSetting() {
        assertThatThrownBy(() -> new SignedTokens(new byte[16], "qorgau.x.key"))
                .hasMessage("qorgau.x.key needs 256 bits");
    }
}
