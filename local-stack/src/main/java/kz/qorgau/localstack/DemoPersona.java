package kz.qorgau.localstack;

import java.util.List;

/**
 * The local issuer's demo personas, for the token commands the launcher prints. Local-only demo
 * credentials; identity-server's application.yml defines them and a test keeps this list in step.
 *
 * @param clientId the persona's client id
 * @param secret its local-only secret
 * @param role who it stands for, in words
 */
record DemoPersona(String clientId, String secret, String role) {

    static final List<DemoPersona> ALL = List.of(
            new DemoPersona("officer-a", "officer-a-local-only-secret", "officer, district ALM-BOSTANDYK"),
            new DemoPersona("officer-b", "officer-b-local-only-secret", "officer, district AST-ESIL"),
            new DemoPersona("supervisor-a", "supervisor-a-local-only-secret", "supervisor, district ALM-BOSTANDYK"),
            new DemoPersona("court-clerk", "court-clerk-local-only-secret", "court clerk"),
            new DemoPersona("operator", "operator-local-only-secret", "operator"),
            new DemoPersona("auditor", "auditor-local-only-secret", "auditor"),
            new DemoPersona("analyst", "analyst-local-only-secret", "analyst (statistics only)"));

    /** The curl line that gets this persona an access token, after who it is. */
    String curl(String issuer) {
        return String.format("%-36s %s", role + ":", tokenCommand(issuer));
    }

    /** The curl command that gets this persona an access token (a client-credentials grant). */
    String tokenCommand(String issuer) {
        return String.format(
                "curl -s -u %s:%s -d grant_type=client_credentials %s/oauth2/token", clientId, secret, issuer);
    }
}
