package kz.qorgau.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules are only worth having if they reject what they forbid. */
class QorgauArchitectureTest {

    @Test
    void rejectsAServiceThatImportsAnotherService() {
        JavaClasses classes = new ClassFileImporter().importPackages("kz.qorgau.order.fixture.leak");

        assertThatThrownBy(() -> QorgauArchitecture.serviceIsIndependent("kz.qorgau.order")
                        .check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyHandler")
                .hasMessageContaining("kz.qorgau.audit.fixture.AuditInternals");
    }

    @Test
    void acceptsAServiceThatKeepsToItself() {
        JavaClasses classes = new ClassFileImporter().importPackages("kz.qorgau.order.fixture.cycle");

        assertThatCode(() -> QorgauArchitecture.serviceIsIndependent("kz.qorgau.order")
                        .check(classes))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsACycleBetweenFeaturePackages() {
        JavaClasses classes = new ClassFileImporter().importPackages("kz.qorgau.order.fixture.cycle");

        assertThatThrownBy(() -> QorgauArchitecture.featuresAreFreeOfCycles("kz.qorgau.order.fixture.cycle")
                        .check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void rejectsAKitThatImportsAService() {
        JavaClasses classes = new ClassFileImporter().importPackages("kz.qorgau.kit.fixture.leak");

        assertThatThrownBy(() -> QorgauArchitecture.kitDependsOnNoService().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AuditAwareFilter")
                .hasMessageContaining("kz.qorgau.audit.fixture.AuditInternals");
    }

    @Test
    void acceptsAKitThatUsesOnlyTheContract() {
        JavaClasses classes = new ClassFileImporter().importPackages("kz.qorgau.kit.fixture.clean");

        assertThatCode(() -> QorgauArchitecture.kitDependsOnNoService().check(classes))
                .doesNotThrowAnyException();
    }
}
