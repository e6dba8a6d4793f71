package kz.qorgau.order.writelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API operation that counts against its caller's write limit ({@link WriteLimits}). Every
 * operation that changes state carries either this or {@link NotWriteLimited}; the OpenAPI document
 * shows which, and the security matrix test checks both.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WriteLimited {}
