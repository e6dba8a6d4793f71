package kz.qorgau.order.serve;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** The body of {@code POST /api/v1/orders/{id}/service-attempts}. Unknown properties are refused. */
@Schema(description = "An attempt to serve the order failed.")
record FailedServiceRequest(
        @Schema(
                        description = "When service was attempted; now if absent. At most the configured"
                                + " backdating (72 h) ago, never in the future.",
                        nullable = true)
                Instant attemptedAt,
        @Schema(description = "Why it failed, as a code.", example = "OFFENDER_NOT_FOUND")
                @NotNull
                @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,63}$", message = "must be an upper-case code")
                String reason) {}
