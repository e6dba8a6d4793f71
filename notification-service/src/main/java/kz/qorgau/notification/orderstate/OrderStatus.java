package kz.qorgau.notification.orderstate;

/** An order's status, as order-service's lifecycle has it (docs/adr/0021). */
enum OrderStatus {
    ISSUED,
    IN_FORCE,
    REVOKED,
    VOIDED,
    EXPIRED
}
