package kz.qorgau.kit;

import kz.qorgau.testsupport.architecture.QorgauArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theKitDependsOnNoServiceAndKeepsTheRules() {
        QorgauArchitecture.verifyKit();
    }
}
