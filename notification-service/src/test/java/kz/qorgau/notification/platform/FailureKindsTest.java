package kz.qorgau.notification.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import kz.qorgau.events.EventContractException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class FailureKindsTest {

    @Test
    void anUnreachableDatabaseOrKafkaIsAnOutageEvenWhenWrappedByTheListenerContainer() {
        assertThat(FailureKinds.isDependencyOutage(new ListenerExecutionFailedException(
                        "listener failed", new CannotGetJdbcConnectionException("no connection"))))
                .isTrue();
        assertThat(FailureKinds.isDependencyOutage(
                        new DependencyUnavailableException("no ack", new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void aBrokenRecordOrABugIsNotAnOutage() {
        assertThat(FailureKinds.isDependencyOutage(new ListenerExecutionFailedException(
                        "listener failed", new EventContractException("t", "f", "is required"))))
                .isFalse();
        assertThat(FailureKinds.isDependencyOutage(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(FailureKinds.isDependencyOutage(new IllegalStateException("bug")))
                .isFalse();
    }
}
