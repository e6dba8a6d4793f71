package kz.qorgau.order.person;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.order.protectiveorder.PersonDocument;
import kz.qorgau.order.protectiveorder.ValidIin;

/** The body of a person's history: the person and the purpose in the body, never in the URL. */
@Schema(name = "PersonHistoryRequest", description = "Whose history, why, and which page.")
record HistoryRequest(
        @Schema(example = "850703300127", description = "The person's IIN; or give document.", nullable = true)
                @ValidIin
                String iin,
        @Schema(description = "For a person without an IIN: their identity document; or give iin.", nullable = true)
                @Valid
                PersonDocument document,
        @Schema(
                        example = "Risk review before a court hearing, case 7510-26-00-4/1234",
                        description =
                                "Why you need the history, recorded in the audit trail. Do not name people in it.")
                @NotNull
                @Size(min = 3, max = AccessRecorded.MAX_TEXT_LENGTH)
                @Pattern(
                        regexp = "[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*",
                        message = "must be text without control characters")
                String purpose,
        @Schema(description = "The page, from 0.", nullable = true) @Min(0) @Max(1000) Integer page,
        @Schema(description = "Measures per page, 1 to 100; 20 when absent.", nullable = true) @Min(1) @Max(100)
                Integer size) {

    @Override
    public String toString() {
        return "HistoryRequest[redacted]";
    }
}
