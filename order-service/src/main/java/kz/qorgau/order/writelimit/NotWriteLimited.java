package kz.qorgau.order.writelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a state-changing operation that must never be refused for volume, and says why. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NotWriteLimited {

    /** Why refusing it would do more harm than the volume. */
    String value();
}
