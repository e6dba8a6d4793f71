package kz.qorgau.order.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import kz.qorgau.order.ApiClient;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * With qorgau.api-docs.public (as the launcher runs it) a browser loads Swagger UI and the API
 * description without a token, and signs a person in at the issuer; the API itself still needs one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "qorgau.api-docs.public=true"})
@QorgauInfrastructure
class PublicApiDocsTest {

    @Autowired
    TestInfrastructure infrastructure;

    @LocalServerPort
    int port;

    @Test
    void swaggerUiSignsInAtTheIssuerWhileTheApiStillNeedsAToken() {
        ApiClient anonymous = new ApiClient(port);

        assertThat(anonymous.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs/swagger-config").statusCode()).isEqualTo(200);
        HttpResponse<String> initializer = anonymous.get("/swagger-ui/swagger-initializer.js");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body().replace(" ", ""))
                .contains("\"clientId\":\"qorgau-web\"")
                .contains("\"usePkceWithAuthorizationCodeGrant\":true");

        HttpResponse<String> docs = anonymous.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode signIn = ApiClient.json(docs).at("/components/securitySchemes/sign-in");
        assertThat(signIn.path("type").asString()).isEqualTo("openIdConnect");
        assertThat(signIn.path("openIdConnectUrl").asString())
                .isEqualTo(infrastructure.identity().issuer() + "/.well-known/openid-configuration");

        assertThat(anonymous
                        .get("/api/v1/orders/" + java.util.UUID.randomUUID())
                        .statusCode())
                .isEqualTo(401);
        assertThat(anonymous.get("/api/v1/break-glass-grants").statusCode()).isEqualTo(401);
    }
}
