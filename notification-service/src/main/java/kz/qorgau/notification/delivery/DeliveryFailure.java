package kz.qorgau.notification.delivery;

import java.time.Duration;

/**
 * A channel did not take a notice. Carries a reason code only: provider messages can quote addresses, so
 * they never reach events, logs or metrics.
 */
final class DeliveryFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** The mail server could not be reached, timed out or closed the connection; worth another attempt. */
    static final String SMTP_UNAVAILABLE = "SMTP_UNAVAILABLE";
    /** The mail server answered 4xx (try later). */
    static final String SMTP_TEMPORARY = "SMTP_TEMPORARY";
    /** The mail server refused the recipient address; another attempt would be refused too. */
    static final String SMTP_REJECTED = "SMTP_REJECTED";
    /** The mail server refused our credentials: a configuration problem an operator can fix in time. */
    static final String SMTP_AUTH_FAILED = "SMTP_AUTH_FAILED";
    /** The message could not be built (e.g. an unparseable address in the configuration). */
    static final String MESSAGE_INVALID = "MESSAGE_INVALID";
    /** Any other mail error, an unreadable answer included; tried again. */
    static final String SMTP_ERROR = "SMTP_ERROR";
    /** The webhook's receiver could not be reached or did not answer in time. */
    static final String WEBHOOK_UNAVAILABLE = "WEBHOOK_UNAVAILABLE";
    /** The webhook answered 5xx. */
    static final String WEBHOOK_SERVER_ERROR = "WEBHOOK_SERVER_ERROR";
    /** The webhook answered 429: too many requests; its Retry-After is honoured. */
    static final String WEBHOOK_THROTTLED = "WEBHOOK_THROTTLED";
    /** The webhook refused the document (4xx other than 408 and 429): sending it again would not help. */
    static final String WEBHOOK_REJECTED = "WEBHOOK_REJECTED";
    /** The webhook's answer was not HTTP (a broken or hostile peer). */
    static final String WEBHOOK_MALFORMED_ANSWER = "WEBHOOK_MALFORMED_ANSWER";
    /** The SMS gateway could not be reached or did not answer in time. */
    static final String SMS_UNAVAILABLE = "SMS_UNAVAILABLE";
    /** The SMS gateway answered 5xx. */
    static final String SMS_SERVER_ERROR = "SMS_SERVER_ERROR";
    /** The SMS gateway answered 429: its rate; its Retry-After is honoured. */
    static final String SMS_THROTTLED = "SMS_THROTTLED";
    /** The SMS gateway refused the message (4xx other than 408 and 429): a bad number, say. */
    static final String SMS_REJECTED = "SMS_REJECTED";
    /** The SMS gateway's answer was not HTTP. */
    static final String SMS_MALFORMED_ANSWER = "SMS_MALFORMED_ANSWER";
    /** No channel can send this notice (e.g. a webhook notice with no signing secret configured). */
    static final String NO_CHANNEL = "NO_CHANNEL";

    private final String reason;
    private final boolean retryable;
    private final Duration retryAfter;

    DeliveryFailure(String reason, boolean retryable, Throwable cause) {
        this(reason, retryable, null, cause);
    }

    DeliveryFailure(String reason, boolean retryable, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** Upper-case code, as NotificationFailed.reason demands. */
    String reason() {
        return reason;
    }

    /** Whether another attempt may succeed; a permanent refusal also says nothing about the channel's health. */
    boolean retryable() {
        return retryable;
    }

    /** The peer's Retry-After, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
