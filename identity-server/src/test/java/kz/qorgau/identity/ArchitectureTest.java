package kz.qorgau.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import kz.qorgau.testsupport.architecture.QorgauArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String IDENTITY = "kz.qorgau.identity";

    @Test
    void identityServerDependsOnNoServiceNorTheEventsContract() {
        noClasses()
                .that()
                .resideInAPackage(IDENTITY + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "kz.qorgau.order..",
                        "kz.qorgau.notification..",
                        "kz.qorgau.audit..",
                        "kz.qorgau.events..",
                        "kz.qorgau.testsupport..",
                        "kz.qorgau.infrastructure..",
                        "kz.qorgau.localstack..")
                .because("the issuer is a stand-in for any OIDC provider and knows nothing of the services")
                .check(QorgauArchitecture.importService(IDENTITY));
    }

    @Test
    void identityServerKeepsTheServicesRules() {
        QorgauArchitecture.verifyService(IDENTITY);
    }
}
