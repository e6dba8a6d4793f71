package kz.qorgau.kit.kafka;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import kz.qorgau.events.EventContractException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Sorts a consumer's failures into an outage (a dependency is away: wait, retry without limit) and
 * everything else (the record, or a deterministic bug: dead-letter it), and names a failure without
 * quoting data.
 */
public final class ConsumerFailures {

    private ConsumerFailures() {}

    /**
     * Whether the failure says a dependency is unreachable rather than that the record is bad:
     * PostgreSQL down or out of connections, or Kafka not acknowledging our own events. A contract
     * violation anywhere in the chain is never an outage.
     */
    public static boolean isOutage(Throwable failure) {
        if (contractViolation(failure) != null) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
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

    /** The first {@link EventContractException} in the chain, if any. */
    public static EventContractException contractViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof EventContractException contract) {
                return contract;
            }
        }
        return null;
    }

    /** The innermost cause, whose class names the failure. */
    public static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (next(root) != null) {
            root = next(root);
        }
        return root;
    }

    /** The class that names the failure: the contract violation if there is one, else the root cause. */
    public static Class<? extends Throwable> kind(Throwable failure) {
        EventContractException contract = contractViolation(failure);
        return contract != null ? contract.getClass() : rootCause(failure).getClass();
    }

    /**
     * A reason fit for headers, logs, metrics and the parking table: a contract violation's message
     * (it names the type and field, never a value), otherwise only the class name, since other
     * messages may quote data.
     */
    public static String reason(Throwable failure) {
        EventContractException contract = contractViolation(failure);
        return contract != null
                ? contract.getMessage()
                : rootCause(failure).getClass().getSimpleName();
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        return next == cause ? null : next;
    }
}
