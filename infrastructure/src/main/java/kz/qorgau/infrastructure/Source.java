package kz.qorgau.infrastructure;

/** Where a piece of infrastructure (Kafka, PostgreSQL, SMTP) came from. Shared by every discovery. */
public enum Source {
    /** Named by an environment variable or system property (see {@link EnvNames}); nothing was started. */
    ENVIRONMENT,
    /** A Testcontainers container started by this JVM (once per JVM, removed by Testcontainers' reaper). */
    TESTCONTAINERS,
    /** A server run by this JVM as a child process (for example {@code kafka.KafkaBrokerProcess}). */
    CHILD_PROCESS,
    /** A server running inside this JVM (an embedded Kafka broker, the GreenMail inbox). */
    IN_PROCESS,
    /** A server that was already running on this machine (PostgreSQL on 127.0.0.1:5432). */
    LOCAL_SERVER
}
