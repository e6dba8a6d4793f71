package kz.qorgau.infrastructure;

/** Infrastructure could not be found or started; the message says what to start or set. */
public class InfrastructureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
