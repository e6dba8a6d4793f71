package kz.qorgau.order.violation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import kz.qorgau.events.Prohibition;
import kz.qorgau.events.ViolationReported;
import org.hibernate.validator.constraints.UniqueElements;

/** The body of {@code POST /api/v1/orders/{id}/violations}. Unknown properties are refused. */
@Schema(description = "A breach of the order, reported by an officer or from a 102 call.")
record ReportViolationRequest(
        @Schema(
                        description = "When it happened; now if absent. At most the configured backdating (72 h) ago,"
                                + " never in the future.",
                        nullable = true)
                Instant occurredAt,
        @Schema(description = "Who reported it.") @NotNull ViolationReported.Source source,
        @Schema(description = "Which prohibitions were breached, as far as known; no duplicates.")
                @NotNull
                @Size(max = 5)
                @UniqueElements
                List<@NotNull Prohibition> breached) {}
