package kz.qorgau.kit.web;

import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The management port's server, a Tomcat of its own in a child context, answers what Tomcat refuses (an
 * encoded slash, a header too large) with the same problem as the API's port, not Tomcat's HTML page.
 * Listed in {@code META-INF/spring/…ManagementContextConfiguration.imports}, as spring-boot-tomcat lists
 * its own child-context configuration: customizers of the application's context never reach that server.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Tomcat.class, TomcatServletWebServerFactory.class})
public class ManagementProblemReportConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementProblemReportValve() {
        return ProblemReportValve.onEveryHost();
    }
}
