package kz.qorgau.order.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Who is calling, for scoping idempotency keys: the {@code sub} of the request's bearer token (Spring
 * Security's principal name), so two officers can never see each other's results. {@value #ANONYMOUS}
 * only where no principal exists (the API requires one; see docs/adr/0010).
 */
@Component
public class CallerResolver {

    public static final String ANONYMOUS = "anonymous";

    /** Longer names are stored by their SHA-256, to fit the key column. */
    static final int MAX_LENGTH = 200;

    public String resolve(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null
                || principal.getName() == null
                || principal.getName().isBlank()) {
            return ANONYMOUS;
        }
        String name = principal.getName();
        return name.length() <= MAX_LENGTH ? name : "sha256:" + sha256(name);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
