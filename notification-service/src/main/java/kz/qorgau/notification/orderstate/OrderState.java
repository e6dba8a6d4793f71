package kz.qorgau.notification.orderstate;

/** An order's latest known status and the sequence number (subjectseq) of the event that set it. */
record OrderState(OrderStatus status, long sequence) {}
