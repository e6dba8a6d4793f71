package kz.qorgau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.audit.writer.WriterLeadership;
import kz.qorgau.kit.kafka.DeadLetterListener;
import kz.qorgau.kit.leader.LeaderContract;
import kz.qorgau.kit.leader.LeaderLock;
import kz.qorgau.kit.leader.LeaderSessions;
import kz.qorgau.kit.parking.SequencedParking;
import kz.qorgau.testsupport.QorgauInfrastructure;
import kz.qorgau.testsupport.TestInfrastructure;
import kz.qorgau.testsupport.http.ManagementEndpoints;
import kz.qorgau.testsupport.instances.ServiceInstances;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.CommonErrorHandler;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@QorgauInfrastructure(sharedContext = "audit-service")
@Import(CatalogueTopics.class)
class AuditServiceApplicationTest extends LeaderContract {

    @Autowired
    TestInfrastructure infrastructure;

    @Autowired
    LeaderSessions writerSessions;

    @Autowired
    AuditProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WriterLeadership leadership;

    @Value("${local.management.port}")
    int managementPort;

    @Autowired
    ApplicationContext context;

    /** docs/adr/0012 and 0019: the kit's dead-lettering handler backs off, and nothing is ever parked. */
    @Test
    void appendsEveryRecordSoItNeitherDeadLettersNorParks() {
        assertThat(context.getBeansOfType(CommonErrorHandler.class)).containsOnlyKeys("auditErrorHandler");
        assertThat(context.getBeansOfType(SequencedParking.class)).isEmpty();
        assertThat(context.getBeansOfType(DeadLetterListener.class)).isEmpty();
    }

    @Test
    void isHealthyWithPrometheusMetricsOnTheManagementPort() {
        new ManagementEndpoints(managementPort).assertHealthyWithMetrics("audit-service");
    }

    @Test
    void twoMoreInstancesRunBesideThisOneOnTheSameBrokerAndDatabase() {
        try (ServiceInstances instances =
                ServiceInstances.start(AuditServiceApplication.class, 2, infrastructure.springProperties())) {
            assertThat(instances.all())
                    .extracting(ServiceInstances.ServiceInstance::port)
                    .doesNotHaveDuplicates()
                    .doesNotContain(0);
            instances.all().forEach(instance -> new ManagementEndpoints(instance.managementPort())
                    .assertHealthyWithMetrics("audit-service"));
            // This context started first and took the writer lock; the two others stand by, healthy.
            await().atMost(Duration.ofSeconds(30)).until(leadership::isWriter);
            assertThat(instances.all()).allSatisfy(instance -> assertThat(
                            instance.context().getBean(WriterLeadership.class).isWriter())
                    .isFalse());

            instances.get(0).close();
            assertThat(instances.get(0).isRunning()).isFalse();
            new ManagementEndpoints(instances.get(1).managementPort()).assertHealthyWithMetrics("audit-service");
        }
    }

    /** The kit's leader contract: the writer's lock, on the writer's own sessions. */
    @Override
    protected LeaderSessions leaderSessions() {
        return writerSessions;
    }

    @Override
    protected LeaderLock serviceLeaderLock() {
        return WriterLeadership.LOCK;
    }

    @Override
    protected Duration serviceLease() {
        return properties.writer().lease();
    }

    @Override
    protected JdbcClient serviceJdbc() {
        return jdbc;
    }
}
