package kz.qorgau.order.ending;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of a void or a revocation: why, as a code. Unknown properties are refused. */
@Schema(description = "Why the order ends early.")
record EndRequest(
        @Schema(description = "Why, as a code (no free text).", example = "ENTERED_IN_ERROR")
                @NotNull
                @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,63}$", message = "must be an upper-case code")
                String reason) {}
