package kz.qorgau.kit.kafka;

/**
 * Something the service depends on (Kafka, PostgreSQL, a gateway) did not answer in time. The record
 * being processed is fine, so it is retried until the dependency is back instead of being
 * dead-lettered: during an outage every record would fail the same way, and none of them is poison.
 */
public class DependencyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
