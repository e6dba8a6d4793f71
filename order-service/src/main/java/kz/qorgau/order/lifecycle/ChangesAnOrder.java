package kz.qorgau.order.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API operation that changes an existing order through {@link OrderChanges}: its OpenAPI
 * entry gets the If-Match header, the rules of a change and the problems it may answer ({@link
 * ChangeDocumentation}), written once instead of on every operation.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChangesAnOrder {}
