package kz.qorgau.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import kz.qorgau.testsupport.architecture.QorgauArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final JavaClasses ORDER_SERVICE = QorgauArchitecture.importService("kz.qorgau.order");

    @Test
    void orderServiceKeepsTheArchitecturesRules() {
        QorgauArchitecture.verifyService("kz.qorgau.order");
    }

    /**
     * Who may see what ({@code security}), how much they may write ({@code writelimit}) and the record of
     * what they read ({@code accessrecord}) serve the features; they never reach into one.
     */
    @Test
    void accessRulesAndRecordsServeTheFeatures() {
        noClasses()
                .that()
                .resideInAnyPackage("..order.security..", "..order.writelimit..", "..order.accessrecord..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..order.issue..", "..order.lookup..", "..order.breakglass..", "..order.personcheck..")
                .check(ORDER_SERVICE);
    }

    /** The access record records what happened; it decides nothing about who may see what. */
    @Test
    void accessRecordsDecideNothing() {
        noClasses()
                .that()
                .resideInAPackage("..order.accessrecord..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..order.security..", "..order.writelimit..")
                .check(ORDER_SERVICE);
    }
}
