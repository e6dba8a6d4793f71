package kz.qorgau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessFootprintTest {

    @Test
    void theHeapInUseIsTheSumOfItsGenerationsWithoutMetaspace() {
        String serial =
                """
                 def new generation   total 9792K, used 3425K [0x00000000f0000000, 0x00000000f0aa0000, 0x00000000f5550000)
                  eden space 8704K,  35% used [0x00000000f0000000, 0x00000000f0357fd0, 0x00000000f0880000)
                 tenured generation   total 21444K, used 16104K [0x00000000f5550000, 0x00000000f6a41000, 0x0000000100000000)
                 Metaspace       used 40123K, committed 40640K, reserved 1114112K
                  class space    used 4984K, committed 5184K, reserved 1048576K
                """;
        String g1 =
                """
                 garbage-first heap   total 262144K, used 21504K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 30000K, committed 30500K, reserved 1081344K
                """;

        assertThat(ProcessFootprint.heapUsed(serial)).isEqualTo((3425L + 16104L) * 1024);
        assertThat(ProcessFootprint.heapUsed(g1)).isEqualTo(21504L * 1024);
        assertThat(ProcessFootprint.heapUsed("1234: Could not attach")).isEqualTo(-1);
    }

    @Test
    void aProcessIsNamedByTheModuleItRuns() {
        assertThat(
                        ProcessFootprint.name(
                                "/usr/bin/java -Xmx256m -jar /srv/qorgau/order-service/target/order-service-0.1.0-SNAPSHOT-exec.jar"))
                .isEqualTo("order-service");
        assertThat(ProcessFootprint.name("/usr/bin/java -Xmx512m -cp a.jar kafka.Kafka /tmp/server.properties"))
                .isEqualTo("kafka-broker");
        assertThat(ProcessFootprint.name("java -Xmx128m -jar local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar"))
                .isEqualTo("local-stack");
    }
}
