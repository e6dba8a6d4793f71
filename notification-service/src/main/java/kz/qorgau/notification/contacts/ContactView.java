package kz.qorgau.notification.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** Where one of the victim's contacts stands, for a supervisor: never its address. */
@Schema(description = "One of the victim's contacts as notification-service holds it; never its address.")
record ContactView(
        @Schema(description = "notification-service's id of the contact.") String contactId,
        @Schema(description = "SMS or EMAIL.") String channel,
        @Schema(description = "kk, ru or en.") String language,
        @Schema(description = "NOT_OPTED_IN, UNVERIFIED, VERIFIED, LOCKED, OPTED_OUT or REPLACED.") String state,
        @Schema(description = "Whether the victim agreed to be told on it and it has not opted out since.")
                boolean optedIn,
        @Schema(description = "Wrong codes entered so far.") int wrongCodes,
        @Schema(nullable = true) OffsetDateTime verifiedAt,
        @Schema(nullable = true) OffsetDateTime optedOutAt,
        @Schema(description = "How it opted out (LINK, SMS_REPLY).", nullable = true) String optedOutVia) {}
