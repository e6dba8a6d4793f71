package kz.qorgau.order.requirements;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import kz.qorgau.events.Ban;

/** What an officer at the door needs of a court's special requirements in force against the checked person. */
@Schema(name = "PersonCheckSpecialRequirements")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequirementsInForce(
        @Schema(description = "When they came into force.") Instant since,
        @Schema(description = "When their term ends.") Instant until,
        @Schema(description = "What the court forbade.") List<Ban> bans,
        @Schema(description = "The court that imposed them.") String court,
        @Schema(description = "The district whose police supervise them: whom to call.") String district) {}
