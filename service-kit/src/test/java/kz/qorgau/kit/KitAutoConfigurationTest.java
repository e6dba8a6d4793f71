package kz.qorgau.kit;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qorgau.kit.database.DatabasePasswordAutoConfiguration;
import kz.qorgau.kit.problem.ProblemDetailsAdvice;
import kz.qorgau.kit.problem.ProblemDetailsAutoConfiguration;
import kz.qorgau.kit.security.SecurityProblems;
import kz.qorgau.kit.security.StaffAuthenticationConverter;
import kz.qorgau.kit.security.StaffClaimsValidator;
import kz.qorgau.kit.security.StaffSecurityAutoConfiguration;
import kz.qorgau.kit.web.HostileInputAutoConfiguration;
import kz.qorgau.kit.web.HttpProperties;
import kz.qorgau.kit.web.RequestBodyLimitFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;

/** The kit's auto-configuration registers its beans in a service, and backs off for a service's own. */
class KitAutoConfigurationTest {

    /** A service's web context as Boot makes it: Spring Security, a resource server, Spring MVC. */
    final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    HostileInputAutoConfiguration.class,
                    StaffSecurityAutoConfiguration.class,
                    ProblemDetailsAutoConfiguration.class,
                    SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class))
            .withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks");

    @Test
    void aWebServiceGetsTheBodyLimitTheValveAndTheFirewallsProblem() {
        web.withPropertyValues("qorgau.http.max-request-body=1KB").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(HttpProperties.class).maxRequestBody()).isEqualTo(DataSize.ofKilobytes(1));
            assertThat(context.getBean("requestBodyLimit", FilterRegistrationBean.class)
                            .getFilter())
                    .isInstanceOf(RequestBodyLimitFilter.class);
            assertThat(context).hasBean("problemReportValve").hasSingleBean(RequestRejectedHandler.class);
            assertThat(context)
                    .hasSingleBean(StaffClaimsValidator.class)
                    .hasSingleBean(StaffAuthenticationConverter.class)
                    .hasSingleBean(SecurityProblems.class)
                    .hasSingleBean(ProblemDetailsAdvice.class)
                    .hasBean("managementSecurityFilterChain")
                    .hasBean("apiSecurityFilterChain")
                    .doesNotHaveBean("publicApiDocsSecurityFilterChain");
        });
    }

    @Test
    void theBodyLimitIs64KiBByDefault() {
        web.run(context -> assertThat(context.getBean(HttpProperties.class).maxRequestBody())
                .isEqualTo(DataSize.ofKilobytes(64)));
    }

    @Test
    void aServicesOwnBeansReplaceTheKits() {
        web.withUserConfiguration(OwnWalls.class).run(context -> {
            assertThat(context).getBean(RequestRejectedHandler.class).isSameAs(OwnWalls.HANDLER);
            assertThat(context).getBean(StaffClaimsValidator.class).isSameAs(OwnWalls.VALIDATOR);
            assertThat(context).doesNotHaveBean("requestBodyLimit").hasBean("ownBodyLimit");
            assertThat(context).getBean("apiSecurityFilterChain").isSameAs(context.getBean(OwnWalls.class).api);
        });
    }

    @Test
    void aServiceWithoutAWebServerGetsNoWebWalls() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HostileInputAutoConfiguration.class))
                .run(context -> assertThat(context)
                        .doesNotHaveBean(HttpProperties.class)
                        .doesNotHaveBean(RequestRejectedHandler.class));
    }

    @Test
    void aServiceThatNamesADatabaseNeedsItsPassword() {
        ApplicationContextRunner database = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DatabasePasswordAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/qorgau_order",
                        "spring.datasource.password=${QORGAU_KIT_TEST_DB_PASSWORD}");

        database.run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .hasMessageContaining("No database password: set QORGAU_KIT_TEST_DB_PASSWORD"));
        database.withPropertyValues("QORGAU_KIT_TEST_DB_PASSWORD=")
                .run(context -> assertThat(context).hasNotFailed());
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DatabasePasswordAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnWalls {

        static final RequestRejectedHandler HANDLER = (request, response, rejected) -> response.sendError(400);
        static final StaffClaimsValidator VALIDATOR = new StaffClaimsValidator();

        @Bean
        StaffClaimsValidator ownValidator() {
            return VALIDATOR;
        }

        @Bean
        RequestRejectedHandler ownHandler() {
            return HANDLER;
        }

        SecurityFilterChain api;

        @Bean
        SecurityFilterChain apiSecurityFilterChain(HttpSecurity http) throws Exception {
            api = http.authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                    .build();
            return api;
        }

        @Bean
        FilterRegistrationBean<RequestBodyLimitFilter> ownBodyLimit() {
            return new FilterRegistrationBean<>(new RequestBodyLimitFilter(1));
        }
    }
}
