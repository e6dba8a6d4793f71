package kz.qorgau.order.document;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The code printed on a document, as typed or scanned; in the body, never in a URL. */
record DocumentVerificationRequest(
        @Schema(
                        description =
                                "The 24 letters and digits under the QR code; case, spaces and dashes do not matter.",
                        example = "K7QD-3MZP-W2XA-9RTB-HC4N-5VYE")
                @NotNull
                @Size(max = 64)
                String code) {}
