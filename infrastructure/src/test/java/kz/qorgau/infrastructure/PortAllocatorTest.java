package kz.qorgau.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
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
}
