package kz.qorgau.order;

import kz.qorgau.testsupport.architecture.QorgauArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void orderServiceKeepsTheArchitecturesRules() {
        QorgauArchitecture.verifyService("kz.qorgau.order");
    }
}
