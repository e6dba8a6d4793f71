package kz.qorgau.identity.platform;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param issuer the {@code iss} claim and the base of every URL in the discovery document; services
 *     validate tokens against exactly this value, so it must be the URL they reach the issuer at
 */
@Validated
@ConfigurationProperties("qorgau.identity")
public record IssuerProperties(@NotNull URI issuer) {}
