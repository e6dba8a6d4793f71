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
 * context closes. Equal only for the same test class, so no two classes share a context, a
 * database or topics.
 */
final class QorgauContextCustomizer implements ContextCustomizer {

    private final Class<?> testClass;
    private final boolean smtp;
    private final boolean dedicatedBroker;

    QorgauContextCustomizer(Class<?> testClass, QorgauInfrastructure settings) {
        this.testClass = testClass;
        this.smtp = settings.smtp();
        this.dedicatedBroker = settings.dedicatedBroker();
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        TestInfrastructure infrastructure = TestInfrastructure.create(testClass.getSimpleName(), smtp, dedicatedBroker);
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
                && testClass.equals(that.testClass)
                && smtp == that.smtp
                && dedicatedBroker == that.dedicatedBroker;
    }

    @Override
    public int hashCode() {
        return Objects.hash(testClass, smtp, dedicatedBroker);
    }
}
