package kz.qorgau.order.breakglass;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/break-glass-grants}. */
@Schema(name = "BreakGlassRequest", description = "Emergency access to another district's orders.")
record BreakGlassRequest(
        @Schema(description = "The district whose orders you need.", example = "AST-ESIL")
                @NotNull
                @Size(max = 32)
                @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$", message = "must be a district code")
                String district,
        @Schema(
                        description = "Why, for the supervisor who reviews the grant. Do not name people.",
                        example = "Call-out to a reported assault; the offender is registered in Astana.")
                @NotBlank
                @Size(min = 10, max = 500)
                String reason) {

    @Override
    public String toString() {
        return "BreakGlassRequest[district=" + district + ", reason redacted]";
    }
}
