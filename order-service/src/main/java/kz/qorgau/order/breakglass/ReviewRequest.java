package kz.qorgau.order.breakglass;

import jakarta.validation.constraints.NotNull;
import kz.qorgau.order.accessrecord.BreakGlassGrant;

/** A supervisor's verdict on a break-glass grant. */
record ReviewRequest(@NotNull BreakGlassGrant.ReviewOutcome outcome) {}
