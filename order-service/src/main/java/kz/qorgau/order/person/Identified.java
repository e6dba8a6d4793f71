package kz.qorgau.order.person;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import kz.qorgau.events.Measure;

/** The answer to a link: the measure named, and how many records of the person were linked with it. */
@Schema(name = "PersonIdentification")
record Identified(
        @Schema(description = "The kind of measure named.") Measure measure,
        @Schema(description = "The measure's id.") UUID id,
        @Schema(
                        description = "How many records (of any district) this request linked: those of the same"
                                + " document, or the one unidentified record; 0 when it was linked already.")
                int recordsLinked,
        @JsonIgnore int version) {}
