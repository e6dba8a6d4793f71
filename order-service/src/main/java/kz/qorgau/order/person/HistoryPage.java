package kz.qorgau.order.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.Measure;

/**
 * A page of a person's history, as offender and as protected person: the measures of the supervisor's district, newest first, and how
 * many the person has in other districts (not shown: the district rule). No personal data.
 */
@Schema(name = "PersonHistory")
record HistoryPage(
        List<Entry> items,
        int page,
        int size,
        boolean hasNext,
        @Schema(description = "How many of the person's measures are in other districts (not shown).")
                int otherDistricts) {

    /** Whether the person is the measure's offender, or protected by it (the victim or a family member). */
    enum PersonWas {
        OFFENDER,
        PROTECTED_PERSON
    }

    /** One measure against the person, or protecting them. */
    @Schema(name = "PersonHistoryEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(
            Measure measure,
            UUID id,
            @Schema(description = "The protective order concerned, if any.", nullable = true) UUID orderId,
            @Schema(description = "A protective order's number.", nullable = true) String orderNumber,
            String district,
            @Schema(description = "The measure's state, in its own words (e.g. IN_FORCE, EXPIRED, ENDED).")
                    String status,
            @Schema(description = "Issued (an order) or effective from (a court's measure).") Instant since,
            @Schema(description = "When it ends or ended; absent when not set.", nullable = true) Instant until,
            @Schema(
                            description = "Whether the person is the measure's offender, or protected by the order"
                                    + " (its victim or another protected person).")
                    PersonWas personWas) {}
}
