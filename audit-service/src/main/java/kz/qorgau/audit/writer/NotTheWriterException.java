package kz.qorgau.audit.writer;

/**
 * This instance does not hold the writer lock (any more), so it must not append. Retryable: the
 * listener container is being stopped, and the record is redelivered to the writer.
 */
public class NotTheWriterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotTheWriterException(String message) {
        super(message);
    }
}
