package kz.qorgau.audit.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of one subject's entries: an order id, or the access id of an access that concerns no single
 * order.
 *
 * @param nextAfter pass as {@code after} for the next page; {@code null} on the last page
 */
@Schema(description = "A page of one subject's audit entries, or of the unreadable records', in sequence order")
record AuditEntryPage(
        @Schema(description = "The subject asked for; null for the unreadable records") @Nullable String subject,
        List<AuditEntryView> entries,
        @Schema(description = "Pass as 'after' to get the next page; null on the last page") @Nullable
                Long nextAfter) {}
