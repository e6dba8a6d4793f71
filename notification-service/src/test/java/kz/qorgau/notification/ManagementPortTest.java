package kz.qorgau.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.http.ManagementEndpoints;
import kz.qorgau.testsupport.identity.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The management port (docs/adr/0014): on loopback by default; probes and the scrape open, every
 * other detail only with an OPERATOR's token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(smtp = true, sharedContext = "notification-service")
class ManagementPortTest {

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void everyEndpointButHealthAndTheScrapeNeedsAnOperatorsToken() {
        ManagementEndpoints management = new ManagementEndpoints(managementPort);
        for (String path : new String[] {"/info", "", "/parking"}) {
            HttpResponse<String> operator = management.assertOperatorOnly(
                    infrastructure.identity(), Persona.SUPERVISOR_A, token -> management.get(path, token));
            assertThat(operator.statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void healthShowsDetailsOnlyToAnOperator() {
        new ManagementEndpoints(managementPort)
                .assertHealthDetailsOnlyForOperators(infrastructure.identity(), Persona.OFFICER_A);
    }

    @Test
    void probesAndTheScrapeNeedNoToken() {
        new ManagementEndpoints(managementPort).assertProbesAndScrapeNeedNoToken();
    }

    @Test
    void tomcatsRefusalsAreProblemsNotItsErrorPage() {
        new ManagementEndpoints(managementPort).assertTomcatsRefusalsAreProblems();
    }

    @Test
    void listensOnLoopbackByDefault() {
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
        ManagementEndpoints.assertListensOnLoopbackOnly(managementPort, port);
    }
}
