package kz.qorgau.kit.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that needs no bearer token, and why (a capability in its path, say). {@link RolesDocumentation}
 * writes the reason into the OpenAPI document as {@value RolesDocumentation#PUBLIC}, where the security matrix
 * finds it instead of roles; the service lets the path through its own filter chain. Rare by design: every other
 * operation declares its roles with {@code @Secured}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {

    /** Why no token is needed, for the document and its readers. */
    String value();
}
