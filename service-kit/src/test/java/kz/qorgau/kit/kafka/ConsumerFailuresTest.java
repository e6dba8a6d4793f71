package kz.qorgau.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import kz.qorgau.events.EventContractException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class ConsumerFailuresTest {

    @Test
    void anUnreachableDatabaseOrKafkaIsAnOutageEvenWhenWrappedByTheListenerContainer() {
        assertThat(ConsumerFailures.isOutage(new ListenerExecutionFailedException(
                        "listener failed", new CannotGetJdbcConnectionException("no connection"))))
                .isTrue();
        assertThat(ConsumerFailures.isOutage(
                        new DependencyUnavailableException("no ack", new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void aBrokenRecordOrABugIsNotAnOutage() {
        assertThat(ConsumerFailures.isOutage(new ListenerExecutionFailedException(
                        "listener failed", new EventContractException("t", "f", "is required"))))
                .isFalse();
        assertThat(ConsumerFailures.isOutage(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(ConsumerFailures.isOutage(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void aContractViolationIsNeverAnOutageEvenAboveADatabaseFailure() {
        var contract = new EventContractException(
                "t", "f", "does not open", new CannotGetJdbcConnectionException("no connection"));
        assertThat(ConsumerFailures.isOutage(new ListenerExecutionFailedException("failed", contract)))
                .isFalse();
    }

    @Test
    void theReasonQuotesOnlyAContractViolationsMessageNeverAnotherMessage() {
        var contract = new EventContractException("kz.qorgau.order.issued.v1", "orderNumber", "is required");
        assertThat(ConsumerFailures.reason(new ListenerExecutionFailedException("failed", contract)))
                .isEqualTo(contract.getMessage());
        assertThat(ConsumerFailures.kind(new ListenerExecutionFailedException("failed", contract)))
                .isEqualTo(EventContractException.class);

        var bug = new ListenerExecutionFailedException(
                "failed", new IllegalStateException("victim Айгүл at +77015550123"));
        assertThat(ConsumerFailures.reason(bug)).isEqualTo("IllegalStateException");
        assertThat(ConsumerFailures.kind(bug)).isEqualTo(IllegalStateException.class);
    }
}
