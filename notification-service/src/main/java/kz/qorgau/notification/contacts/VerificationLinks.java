package kz.qorgau.notification.contacts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.kit.security.SignedTokens;

/**
 * The verification page's link of a contact: {@code <base-url>/v/<token>}, the token signed ({@link SignedTokens})
 * under a key derived from the contact blind index key, expiring with the code. A short, neutral path: it is read
 * on the victim's phone.
 */
final class VerificationLinks {

    static final String PATH = "/v/";

    private final SignedTokens tokens;
    private final String base;

    VerificationLinks(ContactVault vault, ContactsProperties properties) {
        this.tokens = new SignedTokens(vault.linkKey(), "qorgau.notification.contacts.blind-index-key");
        this.base = properties.baseUrl().toString().replaceAll("/+$", "");
    }

    String linkFor(UUID contactId, Instant expires) {
        return base + PATH + tokens.sign(contactId, expires);
    }

    Optional<SignedTokens.Claim> verify(String token) {
        return tokens.verify(token);
    }
}
