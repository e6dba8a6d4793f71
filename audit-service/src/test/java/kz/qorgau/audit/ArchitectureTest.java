package kz.qorgau.audit;

import kz.qorgau.testsupport.architecture.QorgauArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void auditServiceKeepsTheArchitecturesRules() {
        QorgauArchitecture.verifyService("kz.qorgau.audit");
    }
}
