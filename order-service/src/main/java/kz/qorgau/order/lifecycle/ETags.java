package kz.qorgau.order.lifecycle;

import java.net.URI;
import java.util.Arrays;
import kz.qorgau.kit.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An order's ETag is its version ({@code "v3"}), raised by every change. A change names the version it
 * was made on in {@code If-Match}: without one it is refused (428), on an older one too (412), so no
 * officer overwrites what another recorded in between without having seen it.
 */
public final class ETags {

    public static final String IF_MATCH = "If-Match";

    public static final URI PRECONDITION_REQUIRED = URI.create("urn:qorgau:problem:precondition-required");
    public static final URI STALE_ORDER = URI.create("urn:qorgau:problem:stale-order");

    /** What every change's documentation says about If-Match and refusals. */
    public static final String CHANGE_RULES = "Needs If-Match with the order's ETag (from its last read or change):"
            + " 428 without it, 412 if the order changed since; 409 if the order's state does not allow this change."
            + " Times may be up to the configured backdating (72 h) earlier, never in the future; both the time it"
            + " happened and the time it was entered are kept. Every refusal is a problem detail and changes nothing.";

    public static final String IF_MATCH_DESCRIPTION =
            "The order's ETag as its last read or change returned it, e.g. \"v3\".";

    private ETags() {}

    /** The ETag header value of an order at {@code version}. */
    public static String of(int version) {
        return "\"v" + version + "\"";
    }

    /**
     * Refuses the change unless {@code ifMatch} names {@code version} (or is {@code *}).
     *
     * @throws ErrorResponseException 428 without If-Match, 412 for another version
     */
    public static void require(String ifMatch, int version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.error(
                    HttpStatus.PRECONDITION_REQUIRED,
                    PRECONDITION_REQUIRED,
                    "If-Match required",
                    "Changes to an order need the If-Match header with the order's ETag, as the last read of"
                            + " the order returned it.");
        }
        String current = of(version);
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw Problems.error(
                    HttpStatus.PRECONDITION_FAILED,
                    STALE_ORDER,
                    "Order changed",
                    "The order changed since you read it: read it again, check what changed, and retry with"
                            + " its new ETag. Nothing was recorded.");
        }
    }
}
