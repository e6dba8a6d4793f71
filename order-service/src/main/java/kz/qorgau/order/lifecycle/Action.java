package kz.qorgau.order.lifecycle;

/** What can happen to an order after it is issued: by a member of staff, or by the clock. */
public enum Action {
    SERVE("served"),
    RECORD_FAILED_SERVICE("have a failed service recorded"),
    VOID("voided"),
    REVOKE("revoked"),
    AMEND("amended"),
    REPORT_VIOLATION("have a violation reported"),
    CONFIRM_VIOLATION("have a violation confirmed"),
    START_ARREST("have an arrest started"),
    END_ARREST("have an arrest ended"),
    RECORD_CHECK("have a compliance check recorded"),
    CORRECT_CHECK("have a compliance check corrected"),
    MARK_SERVICE_OVERDUE("be marked unserved past its time"),
    MARK_CHECK_OVERDUE("be marked unchecked past its time"),
    WARN_OF_EXPIRY("be warned of its expiry"),
    EXPIRE("expire"),
    ASSESS_RISK("have its risk assessed"),
    MARK_RISK_REASSESSMENT_OVERDUE("be marked unassessed past its time");

    private final String phrase;

    Action(String phrase) {
        this.phrase = phrase;
    }

    /** Completes "An order that is X cannot be ...". */
    public String phrase() {
        return phrase;
    }
}
