package kz.qorgau.identity.persona;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The public client through which a persona signs in with a browser (authorization code with PKCE), as
 * {@code qorgau-web} in deploy/keycloak/qorgau-realm.json.
 *
 * <p>A redirect URI on 127.0.0.1 matches at any port (RFC 8252, section 7.3, as Spring Authorization Server
 * does); one on {@code localhost} or any other host only exactly, so a launcher that shifts the services'
 * ports adds those in {@link #redirectUris()}.
 *
 * @param clientId the public client's id (no secret)
 * @param swaggerUiRedirectUris the services' Swagger UI redirect pages at their usual ports, as the realm lists
 * @param redirectUris more redirect URIs, e.g. the services' Swagger UI at other ports on {@code localhost}
 */
@Validated
@ConfigurationProperties("qorgau.identity.web-client")
public record WebClientProperties(
        @NotBlank String clientId,
        @NotEmpty List<@NotNull URI> swaggerUiRedirectUris,
        List<@NotNull URI> redirectUris) {

    public WebClientProperties {
        swaggerUiRedirectUris = swaggerUiRedirectUris == null ? List.of() : List.copyOf(swaggerUiRedirectUris);
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        for (URI uri : Stream.concat(swaggerUiRedirectUris.stream(), redirectUris.stream())
                .toList()) {
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getFragment() != null) {
                throw new IllegalArgumentException(
                        "A redirect URI of qorgau.identity.web-client must be absolute, with a host and no fragment: "
                                + uri);
            }
        }
    }

    /** Every registered redirect URI, each once. */
    public Set<String> allRedirectUris() {
        Set<String> all = new LinkedHashSet<>();
        Stream.concat(swaggerUiRedirectUris.stream(), redirectUris.stream())
                .map(URI::toString)
                .forEach(all::add);
        return all;
    }

    /**
     * Cross-origin calls a browser page at a redirect URI makes to the issuer (Swagger UI reads the discovery
     * document and exchanges the code from its own origin), as Keycloak's {@code webOrigins: +} allows: the
     * redirect URIs' origins, on 127.0.0.1 at any port, like the redirect URIs themselves.
     */
    public CorsConfiguration redirectOrigins() {
        CorsConfiguration cors = new CorsConfiguration();
        Stream.concat(swaggerUiRedirectUris.stream(), redirectUris.stream())
                .map(WebClientProperties::originPattern)
                .distinct()
                .forEach(cors::addAllowedOriginPattern);
        cors.addAllowedMethod("GET");
        cors.addAllowedMethod("POST");
        cors.addAllowedHeader("*");
        return cors;
    }

    private static String originPattern(URI uri) {
        String scheme = uri.getScheme() + "://" + uri.getHost();
        if ("127.0.0.1".equals(uri.getHost())) {
            return scheme + ":[*]";
        }
        return uri.getPort() < 0 ? scheme : scheme + ":" + uri.getPort();
    }
}
