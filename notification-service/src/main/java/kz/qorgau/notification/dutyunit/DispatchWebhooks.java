package kz.qorgau.notification.dutyunit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The police dispatch webhooks that receive a district's alerts beside its duty unit's e-mail ({@code
 * qorgau.notification.dispatch-webhooks.[DISTRICT]=https://...}); none by default. Signed with {@code
 * qorgau.notification.webhook.secret}, which a configured webhook makes mandatory.
 */
@ConfigurationProperties("qorgau.notification")
public record DispatchWebhooks(@DefaultValue Map<String, URI> dispatchWebhooks) {

    public DispatchWebhooks {
        var checked = new LinkedHashMap<String, URI>();
        dispatchWebhooks.forEach((district, uri) -> {
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalStateException(
                        "qorgau.notification.dispatch-webhooks.[" + district + "] needs an absolute http(s) URL");
            }
            checked.put(district.strip().toUpperCase(Locale.ROOT), uri);
        });
        dispatchWebhooks = Map.copyOf(checked);
    }

    Optional<URI> forDistrict(String district) {
        return Optional.ofNullable(dispatchWebhooks.get(district.strip().toUpperCase(Locale.ROOT)));
    }
}
