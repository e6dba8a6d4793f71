package kz.qorgau.order.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.order.protectiveorder.OrderStatus;

/**
 * One order in a list: what a duty officer needs to pick it out and act, and no personal data (open the
 * order itself for names).
 *
 * @param nextCheckDue when the next compliance check falls due, for an order in force
 */
@Schema(description = "An order in a list; no personal data.")
record OrderSummary(
        UUID id,
        String orderNumber,
        OrderStatus status,
        String district,
        String policeUnit,
        Instant issuedAt,
        Instant servedAt,
        Instant validUntil,
        Instant nextCheckDue,
        boolean repeatOffender) {}
