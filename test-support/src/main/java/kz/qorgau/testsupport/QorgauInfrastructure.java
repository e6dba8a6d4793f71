package kz.qorgau.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import kz.qorgau.testsupport.spring.QorgauContextCustomizerFactory;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Gives a Spring test class real infrastructure through a {@link TestInfrastructure}: the JVM's
 * shared Kafka broker, a fresh PostgreSQL database (dropped when the class ends), a fresh topic
 * namespace, on request an SMTP inbox, and the JVM's token issuer as the resource server's issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.*}; it starts on the first token a test asks
 * for). The {@code TestInfrastructure} is a bean the test can inject.
 *
 * <p>By default the context is closed after the class (by {@code QorgauContextCloser}), so consumers and
 * connections do not pile up in the context cache. Classes that name the same {@link #sharedContext()} and
 * configure their context alike share one context, one database and one namespace: each context start
 * costs seconds of every build, so wiring checks and API tests that tolerate each other's rows share one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(QorgauContextCustomizerFactory.class)
public @interface QorgauInfrastructure {

    /** Start an SMTP inbox (GreenMail) for this class and point {@code spring.mail.*} at it. */
    boolean smtp() default false;

    /**
     * Give this class a broker of its own (a child process with a fixed port and kept logs) that the
     * test may stop, kill and start again through {@link TestInfrastructure#broker()}.
     */
    boolean dedicatedBroker() default false;

    /**
     * A name that classes of one module give to share one context, database and namespace, kept until the
     * JVM ends. Their tests must not count on an empty database or topic (compare before and after, or
     * look for their own ids). Empty (the default): the class's own, closed after the class. Not with
     * {@link #dedicatedBroker()}.
     */
    String sharedContext() default "";
}
