package kz.qorgau.identity.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebClientPropertiesTest {

    private static final URI SWAGGER_UI = URI.create("http://127.0.0.1:8081/swagger-ui/oauth2-redirect.html");

    @Test
    void theRedirectOriginsAreLoopbackAtAnyPortAndOtherHostsExactly() {
        WebClientProperties properties = new WebClientProperties(
                "qorgau-web",
                List.of(SWAGGER_UI, URI.create("http://localhost:8081/swagger-ui/oauth2-redirect.html")),
                List.of(URI.create("https://qorgau.example/swagger-ui/oauth2-redirect.html")));

        assertThat(properties.redirectOrigins().getAllowedOriginPatterns())
                .containsExactly("http://127.0.0.1:[*]", "http://localhost:8081", "https://qorgau.example");
        assertThat(properties.redirectOrigins().checkOrigin("http://127.0.0.1:18082"))
                .isEqualTo("http://127.0.0.1:18082");
        assertThat(properties.redirectOrigins().checkOrigin("http://localhost:8082"))
                .isNull();
    }

    @Test
    void theConfiguredRedirectUrisComeAfterTheSwaggerUiOnesEachOnce() {
        WebClientProperties properties = new WebClientProperties(
                "qorgau-web", List.of(SWAGGER_UI), List.of(SWAGGER_UI, URI.create("http://localhost:18081/cb")));

        assertThat(properties.allRedirectUris()).containsExactly(SWAGGER_UI.toString(), "http://localhost:18081/cb");
        assertThat(new WebClientProperties("qorgau-web", List.of(SWAGGER_UI), null).redirectUris())
                .isEmpty();
    }

    @Test
    void aRedirectUriMustBeAbsoluteWithoutAFragment() {
        for (String bad : List.of("/swagger-ui/oauth2-redirect.html", "http://127.0.0.1:8081/cb#fragment")) {
            assertThatThrownBy(
                            () -> new WebClientProperties("qorgau-web", List.of(SWAGGER_UI), List.of(URI.create(bad))))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
    }
}
