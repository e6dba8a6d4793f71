package kz.qorgau.audit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WriterPropertiesTest {

    @Test
    void theLeaseMustOutlastTheIntervalThatKeepsTheWriterSessionBusy() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AuditProperties.Writer(Duration.ofSeconds(6), Duration.ofSeconds(15)))
                .withMessageContaining("check-interval");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AuditProperties.Writer(Duration.ofMillis(200), Duration.ofSeconds(2)))
                .withMessageContaining("at least 3s");
        assertThat(new AuditProperties.Writer(Duration.ofSeconds(5), Duration.ofSeconds(15)).lease())
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theWriterSessionEndsOnTheServerAfterTheLease() {
        assertThat(new AuditProperties.Writer(Duration.ofSeconds(1), Duration.ofSeconds(15)).serverOptions())
                .isEqualTo("-c idle_session_timeout=15000 -c idle_in_transaction_session_timeout=15000"
                        + " -c tcp_user_timeout=15000 -c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2"
                        + " -c tcp_keepalives_count=3");
    }
}
