package kz.qorgau.events.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules of the shared contract, with plain ArchUnit (no archunit-junit5 engine). The
 * contract is loaded by every service, so it must stay free of Spring and of any framework a service
 * might want to choose for itself.
 */
class ArchitectureTest {

    private static final JavaClasses CONTRACT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kz.qorgau.events");

    @Test
    void dependsOnNoSpring() {
        noClasses()
                .that()
                .resideInAPackage("kz.qorgau.events..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("the event contract is shared by all services and must not drag Spring in")
                .check(CONTRACT);
    }

    @Test
    void usesJackson3NotJackson2Databind() {
        noClasses()
                .that()
                .resideInAPackage("kz.qorgau.events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .because("Boot 4 uses Jackson 3 (tools.jackson); only the shared annotations stay in com.fasterxml")
                .check(CONTRACT);
    }

    @Test
    void subPackagesHaveNoCycles() {
        slices().matching("kz.qorgau.events.(*)..").should().beFreeOfCycles().check(CONTRACT);
    }

    @Test
    void eventRecordsAndSealedFieldsDoNotDependOnTheWireMachinery() {
        noClasses()
                .that()
                .resideInAnyPackage("kz.qorgau.events", "kz.qorgau.events.sealed")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.cloudevents..", "org.apache.kafka..", "kz.qorgau.events.envelope..")
                .because("the records are the contract; CloudEvents and Kafka are how it travels")
                .check(CONTRACT);
    }
}
