package kz.qorgau.order.serve;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import kz.qorgau.events.OrderServed;

/** The body of {@code POST /api/v1/orders/{id}/service}. Unknown properties are refused. */
@Schema(description = "The order was served on the offender.")
record ServeRequest(
        @Schema(
                        description = "When it was served; now if absent. At most the configured backdating (72 h)"
                                + " ago, never in the future.",
                        example = "2026-03-02T09:40:00Z",
                        nullable = true)
                Instant servedAt,
        @Schema(description = "How service is proven: the offender signed, or a refusal was witnessed.") @NotNull
                OrderServed.Method method) {}
