package kz.qorgau.testsupport.identity;

import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** What a service makes of {@link TestIdentity#springProperties()}: Boot's resource-server auto-configuration. */
final class ResourceServer {

    private ResourceServer() {}

    /** Runs {@code use} with the JWT decoder Boot builds from {@code properties}, as a service's would be. */
    static void withDecoder(Map<String, Object> properties, Consumer<JwtDecoder> use) {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        SecurityAutoConfiguration.class,
                        ServletWebSecurityAutoConfiguration.class,
                        OAuth2ResourceServerAutoConfiguration.class))
                .withPropertyValues(properties.entrySet().stream()
                        .map(property -> property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new))
                .run(context -> {
                    if (context.getStartupFailure() != null) {
                        throw new AssertionError("The resource server did not start", context.getStartupFailure());
                    }
                    use.accept(context.getBean(JwtDecoder.class));
                });
    }
}
