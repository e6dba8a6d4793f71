package kz.qorgau.audit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import kz.qorgau.audit.CatalogueTopics;
import kz.qorgau.audit.ExampleEvents;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import kz.qorgau.testsupport.kafka.EventTopicWriter;
import kz.qorgau.testsupport.security.ApiFixture;
import kz.qorgau.testsupport.security.ApiOperation;
import kz.qorgau.testsupport.security.ApiSecurityMatrix;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Every operation of audit-service's OpenAPI document through the OWASP API Top 10 matrix. The trail
 * holds an order whose victim contact was sealed from this test's made-up values, and an access to it:
 * no response may carry those values, in clear or inside a base64 payload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "audit-service")
@Import(CatalogueTopics.class)
class AuditApiSecurityMatrixTest {

    /** Made-up test data, never a real person. */
    static final VictimContact CONTACT = new VictimContact(
            "Матрица Тестовая", "+77015550123", "victim.matrix@example.kz", "Test street 1, Astana", "kk");

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicNode> everyOperationAgainstTheMatrix() {
        String orderId = UUID.randomUUID().toString();
        EventEnvelope<OrderIssued> issued = issuedWithSealedContact(orderId);
        try (EventTopicWriter writer = EventTopicWriter.open(infrastructure.kafka())) {
            send(writer, issued);
            send(writer, ExampleEvents.accessRecorded(orderId, 2));
        }
        AuditApi api = new AuditApi(port);
        HttpResponse<String> entries = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get(
                                "/api/v1/audit/entries?subject=" + orderId,
                                infrastructure.identity().token(Persona.AUDITOR)),
                        response -> response.statusCode() == 200
                                && AuditApi.json(response).get("entries").size() == 2);
        // The check finds a value that is in a payload: so it would find the contact were it not sealed.
        assertThat(needles(issued.data().orderNumber())).anyMatch(entries.body()::contains);

        return ApiSecurityMatrix.of(
                        URI.create("http://127.0.0.1:" + port),
                        infrastructure.identity(),
                        new Fixture(orderId),
                        context)
                .tests();
    }

    private void send(EventTopicWriter writer, EventEnvelope<?> event) {
        writer.send(
                Topics.inNamespace(
                        infrastructure.namespace(), EventTypes.of(event.data()).topic()),
                event);
    }

    /** The example order, its victim contact sealed (as order-service does) from {@link #CONTACT}. */
    private static EventEnvelope<OrderIssued> issuedWithSealedContact(String orderId) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SealedFieldCipher cipher = SealedFieldCipher.fromBase64Keys(
                Map.of("matrix-test-1", Base64.getEncoder().encodeToString(key)), "matrix-test-1");
        OrderIssued example = ExampleEvents.orderIssued(orderId).data();
        OrderIssued issued = new OrderIssued(
                example.orderId(),
                example.orderNumber(),
                example.district(),
                example.policeUnit(),
                example.issuedBy(),
                example.prohibitions(),
                example.issuedAt(),
                example.validUntil(),
                example.legalBasis(),
                cipher.sealJson(CONTACT, SealedFieldCipher.binding(orderId, OrderIssued.VICTIM_CONTACT_FIELD)));
        return EventEnvelope.of(EventSources.ORDER_SERVICE, 1, issued);
    }

    /**
     * {@code value} as it would show in a response: in clear, and inside base64 text at each of the three
     * byte alignments (the groups of four characters that encode only its own bytes).
     */
    static Set<String> needles(String value) {
        Set<String> needles = new LinkedHashSet<>();
        needles.add(value);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int from = shift == 0 ? 0 : 4;
            int to = shifted.length / 3 * 4;
            if (to - from >= 8) {
                needles.add(encoded.substring(from, to));
            }
        }
        return needles;
    }

    private record Fixture(String orderId) implements ApiFixture {

        @Override
        public Optional<Map<String, String>> pathValues(ApiOperation operation, Persona persona, boolean own) {
            if (!operation.pathParameters().isEmpty()) {
                throw new AssertionError("No path values for " + operation + ": add them to the fixture");
            }
            // No districts in the trail: there is no other district's object to hide.
            return own ? Optional.of(Map.of()) : Optional.empty();
        }

        @Override
        public Map<String, String> queryParameters(ApiOperation operation, Persona persona) {
            return switch (operation.path()) {
                case "/api/v1/audit/entries", "/api/v1/audit/bundle", "/api/v1/audit/legal-holds" ->
                    Map.of("subject", orderId);
                case "/api/v1/audit/proofs/inclusion" -> Map.of("sequence", "1");
                case "/api/v1/audit/proofs/consistency" -> Map.of("fromSize", "1");
                default -> Map.of();
            };
        }

        @Override
        public Optional<String> body(ApiOperation operation, Persona persona) {
            if (!operation.hasBody()) {
                return Optional.empty();
            }
            return switch (operation.path()) {
                case "/api/v1/audit/legal-holds", "/api/v1/audit/legal-holds/lift" ->
                    Optional.of("{\"subject\":\"" + orderId + "\",\"caseReference\":\"matrix-1\"}");
                default -> throw new AssertionError("No body for " + operation + ": add one to the fixture");
            };
        }

        @Override
        public Set<String> mustNotSee(Persona persona, ApiOperation operation) {
            // Nobody, auditors included: payloads are kept as received, and personal data arrives sealed.
            Set<String> values = new LinkedHashSet<>();
            Stream.of(CONTACT.fullName(), CONTACT.phone(), CONTACT.email(), CONTACT.address())
                    .forEach(value -> values.addAll(needles(value)));
            return values;
        }

        /** Legal holds are the only writes, and not write-limited. */
        @Override
        public long writeLimitCapacity() {
            return 0;
        }

        @Override
        public void resetWriteLimits() {
            // Nothing is counted.
        }
    }
}
