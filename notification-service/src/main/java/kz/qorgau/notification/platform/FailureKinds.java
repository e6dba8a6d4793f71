package kz.qorgau.notification.platform;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import kz.qorgau.events.EventContractException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Sorts processing failures into poison (the record) and outage (a dependency). */
final class FailureKinds {

    private FailureKinds() {}

    /**
     * Whether the failure says a dependency is unreachable rather than that the record is bad:
     * PostgreSQL down or out of connections, or Kafka not acknowledging our own events.
     */
    static boolean isDependencyOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventContractException) {
                return false;
            }
            if (cause instanceof DependencyUnavailableException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, whose class names the failure in metrics and logs. */
    static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The first {@link EventContractException} in the chain, if any. */
    static EventContractException contractViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventContractException contract) {
                return contract;
            }
        }
        return null;
    }
}
