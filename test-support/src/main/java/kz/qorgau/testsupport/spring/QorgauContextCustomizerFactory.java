package kz.qorgau.testsupport.spring;

import java.util.List;
import kz.qorgau.testsupport.QorgauInfrastructure;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Reads {@link QorgauInfrastructure} from the test class. */
public final class QorgauContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        QorgauInfrastructure annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, QorgauInfrastructure.class);
        return annotation == null ? null : new QorgauContextCustomizer(testClass, annotation);
    }
}
