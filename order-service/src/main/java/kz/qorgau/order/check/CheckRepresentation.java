package kz.qorgau.order.check;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.events.ComplianceCheckRecorded;

/** A compliance check as the API shows it; the order's new ETag is in the response's header. */
@Schema(name = "ComplianceCheck", description = "A recorded compliance check, or a correction of one.")
record CheckRepresentation(
        UUID id,
        UUID orderId,
        Instant checkedAt,
        Instant recordedAt,
        @Schema(nullable = true) ComplianceCheckRecorded.Method method,
        @Schema(nullable = true) String place,
        @Schema(description = "The check this one corrects.", nullable = true) UUID corrects,
        @Schema(nullable = true) String reason) {}
