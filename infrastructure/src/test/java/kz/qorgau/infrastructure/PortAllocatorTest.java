package kz.qorgau.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void freePortCanBeBoundAndATakenPortIsNotFree() throws IOException {
        int port = PortAllocator.freePort();
        assertThat(PortAllocator.isFree(port)).isTrue();

        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(PortAllocator.isFree(port)).isFalse();
            assertThat(PortAllocator.isListening("127.0.0.1", port, Duration.ofSeconds(1)))
                    .isTrue();
        }
        assertThat(PortAllocator.isListening("127.0.0.1", port, Duration.ofMillis(200)))
                .isFalse();
    }

    @Test
    void freePortsAreDistinct() {
        assertThat(PortAllocator.freePorts(4)).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void portsAreChosenBelowTheEphemeralRangeSoThatOutgoingConnectionsCannotTakeThemInTheMeantime() {
        int[] ephemeral = PortAllocator.ephemeralRange();
        assertThat(Arrays.stream(PortAllocator.freePorts(50)).boxed().toList())
                .allSatisfy(port -> assertThat(port).isBetween(PortAllocator.LOWEST, ephemeral[0] - 1));
    }

    @Test
    void aNamedBandIsWhereThePortsComeFromAndABadOneIsRefused() {
        try {
            System.setProperty(PortAllocator.BAND_PROPERTY, "23000-24000");
            assertThat(Arrays.stream(PortAllocator.freePorts(50)).boxed().toList())
                    .allSatisfy(port -> assertThat(port).isBetween(23_000, 23_999));
            for (String bad : new String[] {"23000", "24000-23000", "23000-23500", "80-2000", "a-b"}) {
                System.setProperty(PortAllocator.BAND_PROPERTY, bad);
                org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                        .as(bad)
                        .isThrownBy(PortAllocator::freePort)
                        .withMessageContaining(PortAllocator.BAND_PROPERTY);
            }
        } finally {
            System.clearProperty(PortAllocator.BAND_PROPERTY);
        }
    }

    @Test
    void aPortIsHandedOutOnlyOncePerJvmEvenWhenNobodyBindsIt() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertThat(seen.add(PortAllocator.freePort())).isTrue();
        }
    }
}
