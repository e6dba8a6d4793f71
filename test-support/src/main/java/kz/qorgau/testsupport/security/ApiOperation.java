package kz.qorgau.testsupport.security;

import java.util.List;
import java.util.Map;

/**
 * One operation of a service's OpenAPI document, with the access rules the service declares for it.
 *
 * @param roles {@code x-qorgau-roles}: the roles that may call it
 * @param writeLimit {@code x-qorgau-write-limit}: {@code limited}, {@code exempt: <why>}, or {@code null}
 *     for a read
 * @param pathParameters the names of its path parameters, in order
 * @param publicReason {@code x-qorgau-public}: why it needs no token, or {@code null} for a staff operation
 */
public record ApiOperation(
        String method,
        String path,
        String operationId,
        List<String> roles,
        String writeLimit,
        boolean hasBody,
        List<String> pathParameters,
        String publicReason) {

    /** Needs no token ({@code @PublicEndpoint}): no roles, no write limit, never a 401. */
    public boolean isPublic() {
        return publicReason != null && !publicReason.isBlank();
    }

    public boolean isRead() {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    public boolean isWriteLimited() {
        return "limited".equals(writeLimit);
    }

    public boolean isExemptFromWriteLimit() {
        return writeLimit != null && writeLimit.startsWith("exempt");
    }

    /** The path with its parameters filled in. */
    public String path(Map<String, String> values) {
        String filled = path;
        for (String parameter : pathParameters) {
            String value = values.get(parameter);
            if (value == null) {
                throw new IllegalArgumentException(this + " needs a value for {" + parameter + "}");
            }
            filled = filled.replace("{" + parameter + "}", value);
        }
        return filled;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
