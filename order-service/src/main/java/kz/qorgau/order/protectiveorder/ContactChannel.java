package kz.qorgau.order.protectiveorder;

/** How a victim can be reached. */
public enum ContactChannel {
    /** An e-mail address. */
    EMAIL,
    /** A mobile phone number in E.164 form, for text messages. */
    SMS
}
