package kz.qorgau.order.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.atrest.PersonalDataVault;
import kz.qorgau.order.issue.IssueOrderRequest;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotency fingerprint kept for a day is a keyed HMAC, not a hash of the personal data in the
 * body; retries are still recognised, including those of keys stored as plain SHA-256 before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "order-service")
class KeyedFingerprintTest {

    static final String OPERATION = "POST /api/v1/orders";

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    PersonalDataVault vault;

    @LocalServerPort
    int port;

    @Test
    void theStoredFingerprintIsAKeyedHmacAndARetryIsStillRecognised() {
        ApiClient api = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        String key = UUID.randomUUID().toString();
        String body = OrderRequests.valid("FINGERPRINT-1");
        IssueOrderRequest request = json.readValue(body, IssueOrderRequest.class);

        HttpResponse<String> first = api.postOrder(body, key);
        HttpResponse<String> retry = api.postOrder(body, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String stored = storedFingerprint(key);
        assertThat(stored)
                .as("not the plain SHA-256 of the operation and the body")
                .isNotEqualTo(RequestFingerprint.legacy(OPERATION, request))
                .isEqualTo(
                        new RequestFingerprint(vault.derivedKey(RequestFingerprint.KEY_LABEL)).of(OPERATION, request));
        byte[] otherKey = vault.derivedKey("another purpose");
        assertThat(new RequestFingerprint(otherKey).of(OPERATION, request)).isNotEqualTo(stored);

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void aKeyStoredAsPlainSha256BeforeTheUpgradeIsStillRecognisedUntilItExpires() {
        ApiClient api = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        String body = OrderRequests.valid("FINGERPRINT-2");
        HttpResponse<String> issued = api.postOrder(body);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        UUID orderId = UUID.fromString(ApiClient.json(issued).get("id").asString());
        String key = UUID.randomUUID().toString();
        // As the previous version stored it: no scheme named (the column's default), a plain SHA-256.
        jdbc.sql(
                        """
                        INSERT INTO idempotency_key (caller, idempotency_key, request_fingerprint, resource_id,
                            response_status, created_at, expires_at)
                        VALUES (:caller, :key, :fingerprint, :order, 201, now(), now() + interval '1 day')
                        """)
                .param("caller", Persona.OFFICER_A.subject())
                .param("key", key)
                .param(
                        "fingerprint",
                        RequestFingerprint.legacy(OPERATION, json.readValue(body, IssueOrderRequest.class)))
                .param("order", orderId)
                .update();

        HttpResponse<String> retry = api.postOrder(body, key);
        HttpResponse<String> other = api.postOrder(OrderRequests.valid("FINGERPRINT-3"), key);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(ApiClient.json(retry).get("id").asString()).isEqualTo(orderId.toString());
        assertThat(other.statusCode()).isEqualTo(422);
    }

    private String storedFingerprint(String key) {
        return jdbc.sql("SELECT request_fingerprint FROM idempotency_key WHERE idempotency_key = :key")
                .param("key", key)
                .query(String.class)
                .single();
    }
}
