package kz.qorgau.order.protectiveorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.Prohibition;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.events.sealed.SealedFieldException;
import kz.qorgau.order.ApiClient;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.OrderServiceApplication;
import kz.qorgau.order.atrest.PersonalDataAtRestMigration;
import kz.qorgau.order.atrest.PersonalDataUnreadableException;
import kz.qorgau.order.atrest.PersonalDataVault;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.identity.Persona;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal data at rest on a real PostgreSQL (docs/adr/0009): nothing personal in clear in the row,
 * the API reads it back, a ciphertext moved to another row does not open, the key rotation, the IIN
 * blind index, and the migration of rows written in clear before V4.
 *
 * <p>The context runs with {@code test-k2} active and {@code test-k1} still in the ring, as during a
 * rotation; rows "issued under k1" are written by a repository whose ring has k1 active.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "qorgau.at-rest.keys.test-k1=" + PersonalDataAtRestTest.K1,
            "qorgau.at-rest.keys.test-k2=" + PersonalDataAtRestTest.K2,
            "qorgau.at-rest.active-key-id=test-k2",
            "qorgau.at-rest.rotation-batch-size=2"
        })
@QorgauInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataAtRestTest {

    static final String K1 = "7kQ0bXzS2YcO8bH7Xl3m0T8Qm4cN2yJt5VwqKzL1p9A=";
    static final String K2 = "Yb2c3Qd4Re5Sf6Tg7Uh8Vi9Wj0Xk1Yl2Zm3An4Bo5Cp=";
    /** application.yml's local-only demo blind index key, which the context uses too. */
    private static final String BLIND_INDEX_KEY = "HsS5ifxozS0Kz/YjjRfz6+NCxWcMLx9iDVKPlEJYvbs=";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Every piece of the test data's personal data, as it must never appear in the database. */
    private static final List<String> PERSONAL_DATA = List.of(
            OrderRequests.OFFENDER_IIN,
            OrderRequests.VICTIM_IIN,
            OrderRequests.VICTIM_PHONE,
            OrderRequests.VICTIM_PHONE.substring(1),
            OrderRequests.VICTIM_EMAIL,
            "aigerim",
            "Ахметов",
            "Ерлан",
            "Серикович",
            "Айгерим");

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ProtectiveOrders orders;

    @Autowired
    PersonalDataAtRestMigration migration;

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    ApiClient api;
    ApiClient management;

    @BeforeAll
    void openClients() {
        api = new ApiClient(port, infrastructure.identity(), Persona.OFFICER_A);
        management = new ApiClient(managementPort, infrastructure.identity(), Persona.OPERATOR);
    }

    @Test
    void theRowHoldsNoPersonalDataInClearAndTheApiReadsItBack() {
        UUID id = issue(OrderRequests.valid());

        String row = rowAsText("public", id);
        assertThat(row).contains("offender_sealed").contains("AES-256-GCM");
        for (String personal : PERSONAL_DATA) {
            assertThat(row.toLowerCase())
                    .as("the row must not hold a piece of personal data")
                    .doesNotContain(personal.toLowerCase());
        }
        assertThat(jdbc.sql("SELECT victim_sealed ->> 'keyId' FROM protective_order WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("test-k2");

        JsonNode order = ApiClient.json(api.get("/api/v1/orders/" + id));
        assertThat(order.get("offender").get("iin").asString()).isEqualTo(OrderRequests.OFFENDER_IIN);
        assertThat(order.get("offender").get("lastName").asString()).isEqualTo("Ахметов");
        assertThat(order.get("offender").get("patronymic").asString()).isEqualTo("Серикович");
        assertThat(order.get("victim").get("iin").asString()).isEqualTo(OrderRequests.VICTIM_IIN);
        assertThat(order.get("victim").get("firstName").asString()).isEqualTo("Айгерим");
        JsonNode contacts = ApiClient.json(api.as(Persona.SUPERVISOR_A)
                        .get("/api/v1/orders/" + id + "/victim-contacts", Map.of("Qorgau-Purpose", "at-rest test")))
                .get("contacts");
        assertThat(contacts.get(0).get("address").asString()).isEqualTo(OrderRequests.VICTIM_PHONE);
        assertThat(contacts.get(1).get("address").asString()).isEqualTo(OrderRequests.VICTIM_EMAIL);
        assertThat(contacts.get(1).get("preferredLanguage").asString()).isEqualTo("ru");
    }

    @Test
    void aCiphertextCopiedToAnotherOrderDoesNotOpen() {
        UUID source = issue(OrderRequests.valid());
        UUID target = issue(OrderRequests.valid());
        jdbc.sql(
                        "UPDATE protective_order SET victim_sealed = (SELECT victim_sealed FROM protective_order WHERE id = :source)"
                                + " WHERE id = :target")
                .param("source", source)
                .param("target", target)
                .update();

        assertThatThrownBy(() -> orders.findById(target))
                .isInstanceOfSatisfying(PersonalDataUnreadableException.class, e -> {
                    assertThat(e.orderId()).isEqualTo(target);
                    assertThat(e.column()).isEqualTo(PersonalDataVault.Column.VICTIM);
                    assertThat(e.reason()).isEqualTo(SealedFieldException.Reason.AUTHENTICATION_FAILED);
                    assertThat(e.getMessage()).contains(target.toString()).contains("victim_sealed");
                });
        HttpResponse<String> response = api.get("/api/v1/orders/" + target);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        for (String personal : PERSONAL_DATA) {
            assertThat(response.body()).doesNotContain(personal);
        }
        // The source row is untouched.
        assertThat(api.get("/api/v1/orders/" + source).statusCode()).isEqualTo(200);
        // Put a ciphertext of its own back, so that the rotation test can open every row.
        jdbc.sql("DELETE FROM protective_order WHERE id = :target")
                .param("target", target)
                .update();
    }

    @Test
    void theRotationReEncryptsEveryRowUnderTheActiveKeyAndRunsTwiceAsANoOp() {
        ProtectiveOrders underK1 = repository(Map.of("test-k1", K1), "test-k1");
        List<UUID> ids =
                List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID id : ids) {
            underK1.insert(order(id, OrderRequests.OFFENDER_IIN, OrderRequests.VICTIM_IIN));
        }
        assertThat(keyIdsOf(ids)).containsOnly("test-k1");

        HttpResponse<String> first = management.post("/actuator/atrestkeys", "{}", Map.of());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode result = ApiClient.json(first);
        assertThat(result.get("activeKeyId").asString()).isEqualTo("test-k2");
        assertThat(result.get("rotated").asLong()).isGreaterThanOrEqualTo(ids.size());
        assertThat(result.get("remaining").asLong()).isZero();

        assertThat(keyIdsOf(ids)).containsOnly("test-k2");
        assertThat(jdbc.sql("SELECT count(*) FROM protective_order WHERE offender_sealed ->> 'keyId' <> 'test-k2'"
                                + " OR victim_sealed ->> 'keyId' <> 'test-k2'")
                        .query(Long.class)
                        .single())
                .isZero();
        // k1 retired: a ring without it opens every row, and so does the API.
        ProtectiveOrders k1Retired = repository(Map.of("test-k2", K2), "test-k2");
        for (UUID id :
                jdbc.sql("SELECT id FROM protective_order").query(UUID.class).list()) {
            ProtectiveOrder order = k1Retired.findById(id).orElseThrow();
            assertThat(Iin.isValid(order.offender().iin())).isTrue();
            assertThat(order.victim().contacts()).isNotEmpty();
        }
        for (UUID id : ids) {
            HttpResponse<String> read = api.get("/api/v1/orders/" + id);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(ApiClient.json(read).get("victim").get("iin").asString()).isEqualTo(OrderRequests.VICTIM_IIN);
        }
        List<String> ciphertextsAfterFirstRun = ciphertextsOf(ids);

        HttpResponse<String> second = management.post("/actuator/atrestkeys", "{}", Map.of());
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(second).get("rotated").asLong()).isZero();
        assertThat(ciphertextsOf(ids)).isEqualTo(ciphertextsAfterFirstRun);
    }

    @Test
    void theRotationWalksTheCourtMeasuresOffendersToo() {
        PersonalDataVault underK1 = vault(Map.of("test-k1", K1), "test-k1");
        UUID requirements = UUID.randomUUID();
        UUID ban = UUID.randomUUID();
        jdbc.sql(
                        """
                        INSERT INTO special_requirements (id, administrative_case, district, court, case_number,
                            decision_date, effective_from, valid_until, term_months, status, bans, offender_sealed,
                            offender_iin_index, legal_basis_law, legal_basis_article, legal_basis_version, imposed_by,
                            recorded_at)
                        VALUES (:id, 'ALM-1', 'ALM-BOSTANDYK', 'ALM-SMAS-01', '1', CURRENT_DATE, now(),
                            now() + interval '3 months', 3, 'IN_FORCE', '["WEAPONS"]', CAST(:sealed AS jsonb), :index,
                            'KZ-214-IV', '22', '2024-06-16', 'demo-court-clerk', now())
                        """)
                .param("id", requirements)
                .param(
                        "sealed",
                        JSON.writeValueAsString(underK1.seal(
                                requirements,
                                PersonalDataVault.Column.REQUIREMENTS_OFFENDER,
                                Map.of("iin", OrderRequests.OFFENDER_IIN))))
                .param("index", underK1.blindIndex(OrderRequests.OFFENDER_IIN))
                .update();
        jdbc.sql(
                        """
                        INSERT INTO approach_ban (id, criminal_case, district, court, case_number, decision_date,
                            distance_meters, effective_from, status, offender_sealed, offender_iin_index, imposed_by,
                            recorded_at)
                        VALUES (:id, 'ALM-CR-1', 'ALM-BOSTANDYK', 'ALM-SMAS-02', '1', CURRENT_DATE, 200, now(),
                            'IN_FORCE', CAST(:sealed AS jsonb), :index, 'demo-court-clerk', now())
                        """)
                .param("id", ban)
                .param(
                        "sealed",
                        JSON.writeValueAsString(underK1.seal(
                                ban, PersonalDataVault.Column.BAN_OFFENDER, Map.of("iin", OrderRequests.OFFENDER_IIN))))
                .param("index", underK1.blindIndex(OrderRequests.OFFENDER_IIN))
                .update();

        HttpResponse<String> rotated = management.post("/actuator/atrestkeys", "{}", Map.of());

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(ApiClient.json(rotated).get("remaining").asLong())
                .as(
                        "%s; not under test-k2: %s",
                        rotated.body(),
                        jdbc.sql(
                                        """
                                SELECT 'order ' || (offender_sealed ->> 'keyId') || '/' || (victim_sealed ->> 'keyId')
                                FROM protective_order
                                WHERE offender_sealed ->> 'keyId' <> 'test-k2' OR victim_sealed ->> 'keyId' <> 'test-k2'
                                """)
                                .query(String.class)
                                .list())
                .isZero();
        assertThat(jdbc.sql("SELECT offender_sealed ->> 'keyId' FROM special_requirements WHERE id = :id"
                                + " UNION ALL SELECT offender_sealed ->> 'keyId' FROM approach_ban WHERE id = :ban")
                        .param("id", requirements)
                        .param("ban", ban)
                        .query(String.class)
                        .list())
                .containsExactly("test-k2", "test-k2");
        ApiClient court = api.as(Persona.COURT_CLERK);
        assertThat(ApiClient.json(court.get("/api/v1/special-requirements/" + requirements))
                        .get("offenderIin")
                        .asString())
                .isEqualTo(OrderRequests.OFFENDER_IIN);
        assertThat(ApiClient.json(court.get("/api/v1/approach-bans/" + ban))
                        .get("offenderIin")
                        .asString())
                .isEqualTo(OrderRequests.OFFENDER_IIN);
    }

    @Test
    void theRotationRunsAsACommandAndExitsWithZero() {
        ProtectiveOrders underK1 = repository(Map.of("test-k1", K1), "test-k1");
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID id : ids) {
            underK1.insert(order(id, OrderRequests.OFFENDER_IIN, OrderRequests.VICTIM_IIN));
        }
        List<String> args = new ArrayList<>();
        infrastructure.springProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--qorgau.at-rest.keys.test-k1=" + K1);
        args.add("--qorgau.at-rest.keys.test-k2=" + K2);
        args.add("--qorgau.at-rest.active-key-id=test-k2");

        assertThat(OrderServiceApplication.rotateAtRestKeys(args.toArray(String[]::new)))
                .isZero();

        assertThat(keyIdsOf(ids)).containsOnly("test-k2");
        ProtectiveOrders k1Retired = repository(Map.of("test-k2", K2), "test-k2");
        for (UUID id : ids) {
            assertThat(k1Retired.findById(id).orElseThrow().victim().iin()).isEqualTo(OrderRequests.VICTIM_IIN);
        }
    }

    @Test
    void theBlindIndexFindsOrdersByTheOffendersOrTheVictimsIin() {
        String offenderIin = randomIin();
        String victimIin = randomIin();
        UUID id = issue(OrderRequests.valid()
                .replace(OrderRequests.OFFENDER_IIN, offenderIin)
                .replace(OrderRequests.VICTIM_IIN, victimIin));
        UUID other = issue(OrderRequests.valid().replace(OrderRequests.OFFENDER_IIN, victimIin));

        assertThat(orders.findOrderIdsByPersonIin(offenderIin)).containsExactly(id);
        assertThat(orders.findOrderIdsByPersonIin(victimIin)).containsExactly(id, other);
        assertThat(orders.findOrderIdsByPersonIin(randomIin())).isEmpty();
        assertThat(orders.findOrderIdsByPersonIin("not an iin")).isEmpty();
        assertThat(rowAsText("public", id)).doesNotContain(offenderIin).doesNotContain(victimIin);
    }

    @Test
    void rowsWrittenInClearBeforeV4AreEncryptedByTheMigration() {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("legacy")
                .createSchemas(true)
                .target("3")
                .load()
                .migrate();
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        INSERT INTO legacy.protective_order (id, order_number, status, district, police_unit, issued_by,
                            prohibitions, legal_basis_law, legal_basis_article, legal_basis_version, issued_at,
                            offender, victim, last_event_sequence)
                        VALUES (:id, 'PO-LEGACY-1', 'ISSUED', 'AST-ESIL', 'AST-ESIL-UP-1', 'officer-1',
                            '["DOMESTIC_VIOLENCE"]', 'KZ-245-VIII', '60', '2026-03-02', now(),
                            CAST(:offender AS jsonb), CAST(:victim AS jsonb), 1)
                        """)
                .param("id", id)
                .param(
                        "offender",
                        """
                        {"iin": "%s", "lastName": "Ахметов", "firstName": "Ерлан", "patronymic": "Серикович"}"""
                                .formatted(OrderRequests.OFFENDER_IIN))
                .param(
                        "victim",
                        """
                        {"iin": "%s", "lastName": "Ахметова", "firstName": "Айгерим", "patronymic": null,
                         "contacts": [{"channel": "SMS", "address": "%s", "preferredLanguage": "kk"},
                                      {"channel": "EMAIL", "address": "%s", "preferredLanguage": "ru"}]}"""
                                .formatted(
                                        OrderRequests.VICTIM_IIN,
                                        OrderRequests.VICTIM_PHONE,
                                        OrderRequests.VICTIM_EMAIL))
                .update();

        Flyway.configure()
                .dataSource(dataSource)
                .schemas("legacy")
                .javaMigrations(migration)
                .load()
                .migrate();

        assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns"
                                + " WHERE table_schema = 'legacy' AND table_name = 'protective_order'")
                        .query(String.class)
                        .list())
                .contains("offender_sealed", "victim_sealed", "offender_iin_index", "victim_iin_index")
                .doesNotContain("offender", "victim");
        String row = rowAsText("legacy", id);
        for (String personal : PERSONAL_DATA) {
            assertThat(row.toLowerCase()).doesNotContain(personal.toLowerCase());
        }
        PersonalDataVault vault = vault(Map.of("test-k2", K2), "test-k2");
        SealedField sealedVictim = JSON.readValue(
                jdbc.sql("SELECT victim_sealed::text FROM legacy.protective_order WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single(),
                SealedField.class);
        assertThat(sealedVictim.keyId()).isEqualTo("test-k2");
        Victim victim = vault.open(id, PersonalDataVault.Column.VICTIM, sealedVictim, Victim.class);
        assertThat(victim.iin()).isEqualTo(OrderRequests.VICTIM_IIN);
        assertThat(victim.fullName()).isEqualTo("Ахметова Айгерим");
        assertThat(victim.contacts().get(1).address()).isEqualTo(OrderRequests.VICTIM_EMAIL);
        assertThat(jdbc.sql("SELECT id FROM legacy.protective_order WHERE victim_iin_index = :index")
                        .param("index", vault.blindIndex(OrderRequests.VICTIM_IIN))
                        .query(UUID.class)
                        .list())
                .containsExactly(id);
    }

    private UUID issue(String body) {
        HttpResponse<String> response = api.postOrder(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(ApiClient.json(response).get("id").asString());
    }

    /** Every text, json and bytea column of the row, as text (bytea as hex). */
    private String rowAsText(String schema, UUID id) {
        List<String> columns = jdbc.sql(
                        """
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = :schema AND table_name = 'protective_order'
                          AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
                        """)
                .param("schema", schema)
                .query(String.class)
                .list();
        assertThat(columns).isNotEmpty();
        StringBuilder text = new StringBuilder();
        for (String column : columns) {
            String value = jdbc.sql(
                            "SELECT \"" + column + "\"::text FROM " + schema + ".protective_order WHERE id = :id")
                    .param("id", id)
                    .query(String.class)
                    // list(), not single(): most lifecycle columns are null until the order is served.
                    .list()
                    .get(0);
            text.append(column).append('=').append(value).append('\n');
            if (value != null && value.startsWith("\\x")) {
                // bytea: also with its printable ASCII as is, in case clear text were stored as bytes.
                text.append(jdbc.sql("SELECT encode(\"" + column + "\", 'escape') FROM " + schema
                                        + ".protective_order WHERE id = :id")
                                .param("id", id)
                                .query(String.class)
                                .optional()
                                .orElse(""))
                        .append('\n');
            }
        }
        return text.toString();
    }

    private List<String> keyIdsOf(List<UUID> ids) {
        return jdbc.sql("SELECT offender_sealed ->> 'keyId' FROM protective_order WHERE id IN (:ids)"
                        + " UNION ALL SELECT victim_sealed ->> 'keyId' FROM protective_order WHERE id IN (:ids)")
                .param("ids", ids)
                .query(String.class)
                .list();
    }

    private List<String> ciphertextsOf(List<UUID> ids) {
        return jdbc.sql("SELECT offender_sealed::text || victim_sealed::text FROM protective_order WHERE id IN (:ids)"
                        + " ORDER BY id")
                .param("ids", ids)
                .query(String.class)
                .list();
    }

    private ProtectiveOrders repository(Map<String, String> keys, String activeKeyId) {
        return new ProtectiveOrders(jdbc, vault(keys, activeKeyId));
    }

    private static PersonalDataVault vault(Map<String, String> keys, String activeKeyId) {
        return new PersonalDataVault(SealedFieldCipher.fromBase64Keys(keys, activeKeyId), BLIND_INDEX_KEY);
    }

    private static ProtectiveOrder order(UUID id, String offenderIin, String victimIin) {
        return new ProtectiveOrder(
                id,
                "PO-TEST-" + id,
                OrderStatus.ISSUED,
                OrderRequests.DISTRICT,
                "AST-ESIL-UP-9",
                "officer-9",
                List.of(Prohibition.DOMESTIC_VIOLENCE),
                new LegalBasis("KZ-245-VIII", "60", "2026-03-02"),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null,
                new Offender(offenderIin, "Ахметов", "Ерлан", "Серикович"),
                new Victim(
                        victimIin,
                        "Ахметова",
                        "Айгерим",
                        null,
                        List.of(new Contact(ContactChannel.SMS, OrderRequests.VICTIM_PHONE, Language.KK))));
    }

    /** A random valid IIN of someone born on 1 January 1990. */
    private static String randomIin() {
        while (true) {
            String first11 = "9001014" + String.format("%04d", RANDOM.nextInt(10_000));
            int check = Iin.checkDigit(first11);
            if (check != 10) {
                return first11 + check;
            }
        }
    }
}
