package kz.qorgau.identity.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the RS256 signing key comes from.
 *
 * @param privateKeyLocation an RSA private key in PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), e.g.
 *     {@code file:/run/secrets/identity-signing-key.pem}; when absent a fresh key is generated at start-up,
 *     so tokens do not survive a restart of the issuer (fine for the local stack and tests only)
 */
@ConfigurationProperties("qorgau.identity.signing-key")
public record SigningKeyProperties(Resource privateKeyLocation) {}
