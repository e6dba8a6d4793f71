package kz.qorgau.testsupport;

import java.time.Duration;
import kz.qorgau.infrastructure.DockerProbe;
import kz.qorgau.infrastructure.InfraEnvironment;
import kz.qorgau.infrastructure.kafka.KafkaDiscovery;
import kz.qorgau.infrastructure.kafka.KafkaEndpoint;
import kz.qorgau.infrastructure.postgres.DatabaseProvisioner;
import kz.qorgau.infrastructure.postgres.PostgresDiscovery;
import kz.qorgau.infrastructure.postgres.PostgresServer;
import kz.qorgau.testsupport.kafka.InProcessKafka;

/**
 * The broker and the database server that every test of one JVM shares. Found once, in the
 * discovery order of docs/adr/0003: what the environment names, then Testcontainers where a
 * Docker engine answers, then what runs locally (PostgreSQL on 127.0.0.1:5432) or in-process
 * (a KRaft broker from spring-kafka-test, which lives as long as the JVM).
 */
public final class SharedInfrastructure {

    private static final Duration STALE_AFTER = Duration.ofHours(2);

    private static volatile KafkaEndpoint kafka;
    private static volatile PostgresServer postgres;
    private static volatile DatabaseProvisioner provisioner;

    private SharedInfrastructure() {}

    public static KafkaEndpoint kafka() {
        if (kafka == null) {
            synchronized (SharedInfrastructure.class) {
                if (kafka == null) {
                    kafka = KafkaDiscovery.discover(
                            InfraEnvironment.system(), DockerProbe.testcontainers(), InProcessKafka::start);
                }
            }
        }
        return kafka;
    }

    public static PostgresServer postgres() {
        if (postgres == null) {
            synchronized (SharedInfrastructure.class) {
                if (postgres == null) {
                    postgres = PostgresDiscovery.discover(InfraEnvironment.system(), DockerProbe.testcontainers());
                }
            }
        }
        return postgres;
    }

    public static DatabaseProvisioner databases() {
        if (provisioner == null) {
            synchronized (SharedInfrastructure.class) {
                if (provisioner == null) {
                    provisioner = new DatabaseProvisioner(postgres());
                    // Leftovers of test JVMs that were killed before they could drop their databases.
                    provisioner.dropStaleTestDatabases(STALE_AFTER);
                }
            }
        }
        return provisioner;
    }
}
