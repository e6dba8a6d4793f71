package kz.qorgau.localstack;

import static kz.qorgau.localstack.RepositoryFiles.list;
import static kz.qorgau.localstack.RepositoryFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Keycloak cannot run here (no Docker engine), so this keeps deploy/keycloak/qorgau-realm.json and
 * its place in docker-compose.yml honest at file level (docs/adr/0010): people sign in with
 * authorization code and PKCE only, the local issuer's personas are the realm's demo users with the
 * same roles and districts, access tokens carry exactly the claims the services read, and every
 * service in compose checks tokens against this realm.
 */
class KeycloakRealmTest {

    private static final List<String> ROLES =
            List.of("OFFICER", "SUPERVISOR", "COURT", "OPERATOR", "AUDITOR", "ANALYST");
    private static final String PEOPLES_CLIENT = "qorgau-web";
    private static final String REALM_FILE = "deploy/keycloak/qorgau-realm.json";
    private static final String IMPORT_DIR = "/opt/keycloak/data/import/";

    private final JsonNode realm = RepositoryFiles.json(REALM_FILE);

    @Test
    void theRealmHasExactlyTheFiveRoles() {
        assertThat(texts(realm.path("roles").path("realm"), "name")).containsExactlyInAnyOrderElementsOf(ROLES);
    }

    @Test
    void everyPersonaOfTheLocalIssuerIsADemoUserWithTheSameRolesAndDistrict() {
        List<Map<String, Object>> personas = RepositoryFiles.identityPersonas();
        Map<String, String> districtOfGroup = districtsByGroupPath(realm.path("groups"), new HashMap<>());

        for (Map<String, Object> persona : personas) {
            String name = persona.get("client-id").toString();
            JsonNode user = user(name);

            assertThat(user.path("enabled").asBoolean()).as(name).isTrue();
            assertThat(texts(user.path("realmRoles")))
                    .as(name)
                    .containsExactlyInAnyOrderElementsOf(list(persona, "roles"));
            // The district mapper reads the attribute from the user's district group.
            assertThat(texts(user.path("groups")).stream()
                            .map(districtOfGroup::get)
                            .filter(district -> district != null)
                            .toList())
                    .as(name)
                    .isEqualTo(persona.containsKey("district") ? List.of(persona.get("district")) : List.of());
            // Signs in at once: a non-temporary, visibly local-only password and nothing to do first.
            JsonNode password = user.path("credentials").path(0);
            assertThat(password.path("type").asString()).as(name).isEqualTo("password");
            assertThat(password.path("value").asString()).as(name).isEqualTo(name + "-local-only-password");
            assertThat(password.path("temporary").asBoolean(true)).as(name).isFalse();
            assertThat(user.path("requiredActions").isEmpty()).as(name).isTrue();
        }
        assertThat(people())
                .as("no person in the realm but the personas")
                .containsExactlyInAnyOrderElementsOf(personas.stream()
                        .map(persona -> persona.get("client-id").toString())
                        .toList());
    }

    @Test
    void peopleSignInWithAuthorizationCodeAndPkceOnly() {
        JsonNode web = client(PEOPLES_CLIENT);

        assertThat(web.path("publicClient").asBoolean()).isTrue();
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        // OAuth 2.1: no implicit flow and no password grant.
        assertThat(web.path("implicitFlowEnabled").asBoolean(true)).isFalse();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
        assertThat(web.path("serviceAccountsEnabled").asBoolean(true)).isFalse();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asString())
                .isEqualTo("S256");
        assertThat(web.path("attributes")
                        .path("oauth2.device.authorization.grant.enabled")
                        .asString())
                .isEqualTo("false");
        assertThat(texts(web.path("redirectUris")))
                .isNotEmpty()
                .allSatisfy(uri -> assertThat(URI.create(uri).getHost()).isIn("localhost", "127.0.0.1"));
    }

    @Test
    void accessTokensCarryRolesDistrictAndTheApiAudience() {
        String audience = RepositoryFiles.identityDefault("audience");

        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(600);
        assertThat(realm.path("defaultSignatureAlgorithm").asString()).isEqualTo("RS256");
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asString();
            assertThat(client.path("attributes")
                            .path("access.token.signed.response.alg")
                            .asString())
                    .as(id)
                    .isEqualTo("RS256");

            JsonNode roles = mapper(client, "oidc-usermodel-realm-role-mapper");
            assertThat(roles.path("claim.name").asString()).as(id).isEqualTo("roles");
            assertThat(roles.path("multivalued").asString()).as(id).isEqualTo("true");
            assertThat(roles.path("access.token.claim").asString()).as(id).isEqualTo("true");

            JsonNode audienceMapper = mapper(client, "oidc-audience-mapper");
            assertThat(audienceMapper.path("included.custom.audience").asString())
                    .as(id)
                    .isEqualTo(audience);
            assertThat(audienceMapper.path("access.token.claim").asString())
                    .as(id)
                    .isEqualTo("true");
        }
        JsonNode district = mapper(client(PEOPLES_CLIENT), "oidc-usermodel-attribute-mapper");
        assertThat(district.path("user.attribute").asString()).isEqualTo("district");
        assertThat(district.path("claim.name").asString()).isEqualTo("district");
        assertThat(district.path("multivalued").asString()).isEqualTo("false");
        assertThat(district.path("jsonType.label").asString()).isEqualTo("String");
        assertThat(district.path("access.token.claim").asString()).isEqualTo("true");
    }

    @Test
    void tokensHaveASubjectAndNoRolesButTheFive() {
        // Declaring any client scope would stop Keycloak creating its built-in ones, and since
        // Keycloak 25 the built-in "basic" scope is what puts sub into access tokens.
        assertThat(realm.has("clientScopes")).isFalse();
        Map<String, List<String>> scopeMappings = new HashMap<>();
        realm.path("scopeMappings")
                .forEach(mapping -> scopeMappings.put(mapping.path("client").asString(), texts(mapping.path("roles"))));

        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asString();
            assertThat(texts(client.path("defaultClientScopes"))).as(id).contains("basic");
            // Only the scope-mapped roles reach the roles claim, not default-roles-qorgau and its composites.
            assertThat(client.path("fullScopeAllowed").asBoolean(true)).as(id).isFalse();
            assertThat(scopeMappings.get(id)).as(id).isNotEmpty().isSubsetOf(ROLES);
        }
        assertThat(scopeMappings.get(PEOPLES_CLIENT)).containsExactlyInAnyOrderElementsOf(ROLES);
    }

    @Test
    void composeImportsTheRealmAndEveryServiceTrustsIt() {
        Map<String, Object> services = RepositoryFiles.composeServices();
        Map<String, Object> keycloak = map(services, "keycloak");
        Map<String, Object> environment = map(keycloak, "environment");

        assertThat(keycloak.get("image").toString()).matches("quay\\.io/keycloak/keycloak:26\\.\\d+\\.\\d+");
        assertThat(list(keycloak, "command")).contains("start-dev", "--import-realm");
        List<String> realmMount = list(keycloak, "volumes").stream()
                .map(Object::toString)
                .filter(volume -> volume.contains(IMPORT_DIR))
                .toList();
        assertThat(realmMount).hasSize(1);
        String[] mount = realmMount.get(0).split(":");
        assertThat(Path.of(mount[0]).normalize()).isEqualTo(Path.of(REALM_FILE));
        assertThat(Files.isRegularFile(RepositoryFiles.resolve(mount[0]))).isTrue();
        assertThat(mount[1]).startsWith(IMPORT_DIR).endsWith(".json");

        assertThat(environment.get("KC_BOOTSTRAP_ADMIN_PASSWORD").toString()).contains("local-only");
        assertThat(environment).containsEntry("KC_HEALTH_ENABLED", "true");
        assertThat(environment).containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
        assertThat(map(keycloak, "healthcheck").get("test").toString()).contains("/9000", "/health/ready");

        // The host reaches Keycloak where KC_HOSTNAME says; containers reach it by service name.
        URI hostname = URI.create(environment.get("KC_HOSTNAME").toString());
        String[] published = list(keycloak, "ports").get(0).toString().split(":");
        assertThat(published[0]).isEqualTo("127.0.0.1");
        assertThat(hostname.getPort()).isEqualTo(Integer.parseInt(published[1]));
        String realmPath = "/realms/" + realm.path("realm").asString();
        String issuer = hostname + realmPath;
        String keys = "http://keycloak:" + published[2] + realmPath + "/protocol/openid-connect/certs";

        for (ServiceSpec spec : RepositoryFiles.launcherServices().stream()
                .filter(ServiceSpec::hasDatabase)
                .toList()) {
            Map<String, Object> service = map(services, spec.name());
            assertThat(map(service, "environment"))
                    .as(spec.name())
                    .containsEntry("QORGAU_OIDC_ISSUER_URI", issuer)
                    .containsEntry("QORGAU_OIDC_JWK_SET_URI", keys)
                    .containsEntry("QORGAU_OIDC_AUDIENCE", RepositoryFiles.identityDefault("audience"));
            assertThat(map(map(service, "depends_on"), "keycloak"))
                    .as(spec.name())
                    .containsEntry("condition", "service_healthy");
        }
    }

    private JsonNode client(String clientId) {
        return find(realm.path("clients"), "clientId", clientId);
    }

    private JsonNode user(String username) {
        return find(realm.path("users"), "username", username);
    }

    /** The users that are people, not a client's service account. */
    private List<String> people() {
        return realm.path("users")
                .valueStream()
                .filter(user -> !user.has("serviceAccountClientId"))
                .map(user -> user.path("username").asString())
                .toList();
    }

    /** The config of the client's only protocol mapper of this type. */
    private static JsonNode mapper(JsonNode client, String type) {
        List<JsonNode> mappers = client.path("protocolMappers")
                .valueStream()
                .filter(mapper -> mapper.path("protocolMapper").asString().equals(type))
                .toList();
        assertThat(mappers).as(client.path("clientId").asString() + " " + type).hasSize(1);
        assertThat(mappers.get(0).path("protocol").asString()).isEqualTo("openid-connect");
        return mappers.get(0).path("config");
    }

    private static Map<String, String> districtsByGroupPath(JsonNode groups, Map<String, String> districts) {
        for (JsonNode group : groups) {
            JsonNode district = group.path("attributes").path("district");
            if (!district.isMissingNode()) {
                assertThat(district.size()).as(group.path("path").asString()).isEqualTo(1);
                districts.put(group.path("path").asString(), district.path(0).asString());
            }
            districtsByGroupPath(group.path("subGroups"), districts);
        }
        return districts;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        List<JsonNode> found = array.valueStream()
                .filter(node -> node.path(field).asString().equals(value))
                .toList();
        assertThat(found).as(field + " " + value).hasSize(1);
        return found.get(0);
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return array.valueStream().map(node -> node.path(field).asString()).toList();
    }
}
