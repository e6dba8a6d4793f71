package kz.qorgau.notification.contacts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.kit.security.SignedTokens;

/**
 * The SAFE/HELP link of a victim's notice (docs/adr/0036): {@code <base-url>/r/<token>}, the contact's id signed
 * ({@link SignedTokens}) under a key derived from the blind index key (another label than the verification links'),
 * expiring {@code reply-link-validity} after the attempt that carried it. Signed just before each attempt, never
 * stored in the notice.
 */
public final class ReplyLinks {

    public static final String PATH = "/r/";

    private final SignedTokens tokens;
    private final String base;
    private final ContactsProperties properties;

    ReplyLinks(ContactVault vault, ContactsProperties properties) {
        this.tokens = new SignedTokens(vault.replyKey(), "qorgau.notification.contacts.blind-index-key");
        this.base = properties.baseUrl().toString().replaceAll("/+$", "");
        this.properties = properties;
    }

    /** The link of an attempt made at {@code now}. */
    public String linkFor(UUID contactId, Instant now) {
        return base + PATH + tokens.sign(contactId, now.plus(properties.replyLinkValidity()));
    }

    /** The contact a token names, if it is genuine (expiry is the caller's to judge). */
    public Optional<SignedTokens.Claim> verify(String token) {
        return tokens.verify(token);
    }
}
