package kz.qorgau.kit.web;

import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Hostile or broken requests get an RFC 9457 problem ({@code application/problem+json}) like every
 * other refusal, never Tomcat's HTML page or a 500, and never use up more than they must
 * (docs/adr/0015):
 *
 * <ul>
 *   <li>a body above {@code qorgau.http.max-request-body} is refused 413 by the first filter, before
 *       authentication and before Jackson, whether it announces its length or comes chunked
 *       ({@link RequestBodyLimitFilter});
 *   <li>what Tomcat refuses before the application (an encoded slash in the path, a header too large, a
 *       malformed request line) is written by {@link ProblemReportValve} in place of Tomcat's
 *       ErrorReportValve; the management port's server gets the same valve
 *       ({@link ManagementProblemReportConfiguration});
 *   <li>what Spring Security's firewall refuses ({@code ..;}, {@code %2e}, control characters) is a 400
 *       problem from the {@link RequestRejectedHandler}.
 * </ul>
 *
 * Each bean backs off for a service's own of the same kind (the valve's by its name).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpProperties.class)
public final class HostileInputAutoConfiguration {

    /** Before everything else, Spring Security's filter chain included. */
    public static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    @ConditionalOnMissingFilterBean(RequestBodyLimitFilter.class)
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(HttpProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter((int) properties.maxRequestBody().toBytes()));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Tomcat.class, TomcatServletWebServerFactory.class})
    static class TomcatProblems {

        @Bean
        @ConditionalOnMissingBean(name = "problemReportValve")
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
            return ProblemReportValve.onEveryHost();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RequestRejectedHandler.class)
    static class FirewallProblems {

        @Bean
        @ConditionalOnMissingBean
        RequestRejectedHandler requestRejectedHandler() {
            return (request, response, rejected) -> EarlyProblems.write(
                    response,
                    HttpStatus.BAD_REQUEST.value(),
                    EarlyProblems.REJECTED_REQUEST,
                    "Request rejected",
                    "The request's path or headers are not allowed.");
        }
    }
}
