package kz.qorgau.infrastructure.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Supplier;
import kz.qorgau.infrastructure.EnvNames;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.Source;
import org.junit.jupiter.api.Test;

class SmtpDiscoveryTest {

    private static final Supplier<SmtpInbox> MUST_NOT_START = () -> {
        throw new AssertionError("no inbox must be started");
    };

    @Test
    void theEnvironmentWinsAndNothingIsStarted() {
        SmtpEndpoint endpoint = SmtpDiscovery.discover(
                InfraEnvironment.of(
                        Map.of(EnvNames.QORGAU_SMTP_HOST, "mail.example.kz", EnvNames.QORGAU_SMTP_PORT, "2525")),
                MUST_NOT_START);

        assertThat(endpoint).isEqualTo(new SmtpEndpoint("mail.example.kz", 2525, Source.ENVIRONMENT, null));
    }

    @Test
    void aPortAloneMeansLocalhostAndAHostAloneMeansPort25() {
        assertThat(SmtpDiscovery.discover(
                        InfraEnvironment.of(Map.of(EnvNames.QORGAU_SMTP_PORT, "3025")), MUST_NOT_START))
                .isEqualTo(new SmtpEndpoint("127.0.0.1", 3025, Source.ENVIRONMENT, null));
        assertThat(SmtpDiscovery.discover(
                        InfraEnvironment.of(Map.of(EnvNames.QORGAU_SMTP_HOST, "mail")), MUST_NOT_START))
                .isEqualTo(new SmtpEndpoint("mail", 25, Source.ENVIRONMENT, null));
    }

    @Test
    void aBadPortIsReported() {
        assertThatThrownBy(() -> SmtpDiscovery.discover(
                        InfraEnvironment.of(Map.of(EnvNames.QORGAU_SMTP_PORT, "smtp")), MUST_NOT_START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EnvNames.QORGAU_SMTP_PORT);
    }

    @Test
    void withoutEnvironmentAnInboxIsStartedInThisJvm() {
        SmtpEndpoint endpoint = SmtpDiscovery.discover(InfraEnvironment.empty());
        try {
            assertThat(endpoint.source()).isEqualTo(Source.IN_PROCESS);
            assertThat(endpoint.inbox()).isNotNull();
            assertThat(endpoint.inbox().isRunning()).isTrue();
            assertThat(endpoint.port()).isEqualTo(endpoint.inbox().smtpPort());
        } finally {
            endpoint.inbox().stop();
        }
    }
}
