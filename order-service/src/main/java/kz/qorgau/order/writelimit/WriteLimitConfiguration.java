package kz.qorgau.order.writelimit;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;

/**
 * The write limit as advice on {@link WriteLimited} methods, ordered right after {@code @Secured}: roles
 * are checked first, so a refused call uses up none of the caller's allowance. An infrastructure
 * advisor, like method security's own, so the same proxy carries both.
 */
@Configuration(proxyBeanMethods = false)
class WriteLimitConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor writeLimitAdvisor(ObjectProvider<WriteLimits> limits) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(WriteLimited.class), new WriteLimitInterceptor(limits));
        advisor.setOrder(AuthorizationInterceptorsOrder.SECURED.getOrder() + 1);
        return advisor;
    }
}
