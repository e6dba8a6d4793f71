package kz.qorgau.notification.notice;

/**
 * A channel did not take a notice. Carries a reason code only: provider messages can quote
 * addresses, so they never reach events, logs or metrics.
 */
final class DeliveryFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** The mail server could not be reached or timed out; worth another attempt. */
    static final String SMTP_UNAVAILABLE = "SMTP_UNAVAILABLE";
    /** The mail server refused the recipient address; another attempt would be refused too. */
    static final String SMTP_REJECTED = "SMTP_REJECTED";
    /** The mail server refused our credentials: a configuration problem. */
    static final String SMTP_AUTH_FAILED = "SMTP_AUTH_FAILED";
    /** The message could not be built (e.g. an unparseable address in the configuration). */
    static final String MESSAGE_INVALID = "MESSAGE_INVALID";
    /** Any other mail error; tried again. */
    static final String SMTP_ERROR = "SMTP_ERROR";

    private final String reason;
    private final boolean retryable;

    DeliveryFailure(String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
        this.retryable = retryable;
    }

    /** Upper-case code, as NotificationFailed.reason demands. */
    String reason() {
        return reason;
    }

    boolean retryable() {
        return retryable;
    }
}
