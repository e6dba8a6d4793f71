package kz.qorgau.order.approachban;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** What an officer at the door needs of a ban on approaching in force against the checked person. */
@Schema(name = "PersonCheckApproachBan")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BanInForce(
        @Schema(description = "When it came into force.") Instant since,
        @Schema(description = "How near the person may not come to the victim, in metres.") int distanceMeters,
        @Schema(description = "When it ends; absent until the court ends it.", nullable = true) Instant until,
        @Schema(description = "The court that imposed it.") String court) {}
