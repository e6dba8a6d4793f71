package kz.qorgau.order.amend;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import kz.qorgau.events.Prohibition;
import kz.qorgau.order.issue.IssueOrderRequest;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * The body of {@code POST /api/v1/orders/{id}/amendments}: what changes, and why. Unknown properties are
 * refused; at least one change is needed. An absent part stays as it is.
 */
@Schema(description = "An amendment of an order by a supervisor.")
record AmendRequest(
        @Schema(description = "Why, as a code (no free text).", example = "VICTIM_REQUEST")
                @NotNull
                @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,63}$", message = "must be an upper-case code")
                String reason,
        @Schema(description = "The prohibitions from now on; at least one, no duplicates.", nullable = true)
                @Size(min = 1)
                @UniqueElements
                List<@NotNull Prohibition> prohibitions,
        @Schema(description = "How to reach the victim from now on, most preferred first; 1 to 10.", nullable = true)
                @Size(min = 1, max = 10)
                List<IssueOrderRequest.@NotNull @Valid ContactDetails> victimContacts,
        @Schema(
                        description = "The other protected persons from now on (minor or incapable family members); 0"
                                + " to 10.",
                        nullable = true)
                @Size(max = 10)
                List<IssueOrderRequest.@NotNull @Valid ProtectedPersonDetails> protectedPersons) {

    @Override
    public String toString() {
        return "AmendRequest[reason=" + reason + ", personal data redacted]";
    }
}
