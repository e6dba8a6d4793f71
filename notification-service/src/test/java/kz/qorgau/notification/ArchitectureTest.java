package kz.qorgau.notification;

import kz.qorgau.testsupport.architecture.QorgauArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void notificationServiceKeepsTheArchitecturesRules() {
        QorgauArchitecture.verifyService("kz.qorgau.notification");
    }
}
