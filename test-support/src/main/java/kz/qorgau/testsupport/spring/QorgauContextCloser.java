package kz.qorgau.testsupport.spring;

import kz.qorgau.testsupport.QorgauInfrastructure;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * Closes the context of a {@link QorgauInfrastructure} class after the class, unless the class shares
 * its context ({@link QorgauInfrastructure#sharedContext()}): what {@code @DirtiesContext(AFTER_CLASS)}
 * did for every such class before. Registered in {@code META-INF/spring.factories}.
 */
public final class QorgauContextCloser implements TestExecutionListener, Ordered {

    @Override
    public void afterTestClass(TestContext testContext) {
        QorgauInfrastructure settings =
                TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), QorgauInfrastructure.class);
        if (settings != null && settings.sharedContext().isEmpty()) {
            testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
        }
    }

    /** Just before Spring's own DirtiesContextTestExecutionListener (order 3000). */
    @Override
    public int getOrder() {
        return 2_900;
    }
}
