package kz.qorgau.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfraEnvironmentTest {

    @Test
    void ofReturnsTrimmedValuesAndTreatsBlankAndNullAsAbsent() {
        Map<String, String> values = new HashMap<>();
        values.put("A", "  value ");
        values.put("B", "   ");
        values.put("C", null);
        InfraEnvironment environment = InfraEnvironment.of(values);

        assertThat(environment.get("A")).contains("value");
        assertThat(environment.get("B")).isEmpty();
        assertThat(environment.get("C")).isEmpty();
        assertThat(environment.get("D")).isEmpty();
    }

    @Test
    void ofCopiesTheMap() {
        Map<String, String> values = new HashMap<>(Map.of("A", "1"));
        InfraEnvironment environment = InfraEnvironment.of(values);
        values.put("A", "2");

        assertThat(environment.get("A")).contains("1");
    }

    @Test
    void systemReadsSystemPropertiesBeforeEnvironmentVariables() {
        String name = "PATH";
        assertThat(System.getenv(name)).as("PATH is set in every environment").isNotBlank();
        assertThat(InfraEnvironment.system().get(name))
                .contains(System.getenv(name).trim());

        System.setProperty(name, "from-property");
        try {
            assertThat(InfraEnvironment.system().get(name)).contains("from-property");
        } finally {
            System.clearProperty(name);
        }
    }

    @Test
    void orElseFillsInWhatTheFirstDoesNotSet() {
        InfraEnvironment environment = InfraEnvironment.of(Map.of("A", "first"))
                .orElse(InfraEnvironment.of(Map.of("A", "second", "B", "second")));

        assertThat(environment.get("A")).contains("first");
        assertThat(environment.get("B")).contains("second");
    }

    @Test
    void dockerIsAllowedUnlessTurnedOff() {
        assertThat(InfraEnvironment.empty().dockerAllowed()).isTrue();
        assertThat(InfraEnvironment.of(Map.of(EnvNames.QORGAU_DOCKER, "OFF")).dockerAllowed())
                .isFalse();
        assertThat(InfraEnvironment.of(Map.of(EnvNames.QORGAU_DOCKER, "on")).dockerAllowed())
                .isTrue();
    }

    @Test
    void theDataFolderDefaultsToDotQorgau() {
        assertThat(InfraEnvironment.empty().dataDir()).isEqualTo(Path.of(".qorgau"));
        assertThat(InfraEnvironment.of(Map.of(EnvNames.QORGAU_DATA_DIR, "/var/lib/qorgau"))
                        .dataDir())
                .isEqualTo(Path.of("/var/lib/qorgau"));
    }
}
