package kz.qorgau.testsupport.spring;

import java.util.Objects;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Makes the class's {@link TestInfrastructure} when its context starts and removes it when the
 * context closes. Equal only for the same test class, or for classes that name the same shared context:
 * no other two classes share a context, a database or topics.
 */
final class QorgauContextCustomizer implements ContextCustomizer {

    /** The test class, or the shared context's name. */
    private final Object owner;

    private final String ownerName;
    private final boolean smtp;
    private final boolean dedicatedBroker;

    QorgauContextCustomizer(Class<?> testClass, QorgauInfrastructure settings) {
        String shared = settings.sharedContext();
        if (!shared.isEmpty() && settings.dedicatedBroker()) {
            throw new IllegalStateException(testClass.getName()
                    + ": a class with a broker of its own cannot share its context (sharedContext = \"" + shared
                    + "\")");
        }
        this.owner = shared.isEmpty() ? testClass : shared;
        this.ownerName = shared.isEmpty() ? testClass.getSimpleName() : shared.replaceAll("[^A-Za-z0-9]", "");
        this.smtp = settings.smtp();
        this.dedicatedBroker = settings.dedicatedBroker();
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        TestInfrastructure infrastructure = TestInfrastructure.create(ownerName, smtp, dedicatedBroker);
        // First in line, so a test's own properties cannot point elsewhere by accident.
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("qorgauTestInfrastructure", infrastructure.springProperties()));
        var beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton("qorgauTestInfrastructure", infrastructure);
        // Registered before any other bean, so destroyed after all of them: the pool and the
        // listeners are closed before the database is dropped.
        ((DefaultSingletonBeanRegistry) beanFactory)
                .registerDisposableBean("qorgauTestInfrastructureCleanup", infrastructure::close);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QorgauContextCustomizer that
                && owner.equals(that.owner)
                && smtp == that.smtp
                && dedicatedBroker == that.dedicatedBroker;
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, smtp, dedicatedBroker);
    }
}
