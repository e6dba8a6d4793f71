package kz.qorgau.infrastructure;

/**
 * Names looked up through {@link InfraEnvironment}: each can be a system property or an environment
 * variable (system property first).
 */
public final class EnvNames {

    /** Bootstrap servers of a running Kafka cluster, for example {@code 127.0.0.1:9092}. */
    public static final String QORGAU_KAFKA_BOOTSTRAP_SERVERS = "QORGAU_KAFKA_BOOTSTRAP_SERVERS";

    /** JDBC URL of an admin connection, for example {@code jdbc:postgresql://db:5432/postgres}. */
    public static final String QORGAU_POSTGRES_URL = "QORGAU_POSTGRES_URL";

    /** Admin user for {@link #QORGAU_POSTGRES_URL} (default {@code postgres}). */
    public static final String QORGAU_POSTGRES_USER = "QORGAU_POSTGRES_USER";

    /** Password of {@link #QORGAU_POSTGRES_USER}. */
    public static final String QORGAU_POSTGRES_PASSWORD = "QORGAU_POSTGRES_PASSWORD";

    /** Host of a running SMTP server; when set, no inbox is started. */
    public static final String QORGAU_SMTP_HOST = "QORGAU_SMTP_HOST";

    /** Port of the SMTP server named by {@link #QORGAU_SMTP_HOST} (default 25). */
    public static final String QORGAU_SMTP_PORT = "QORGAU_SMTP_PORT";

    /** {@code off} skips the Docker probe, so Testcontainers is never tried. */
    public static final String QORGAU_DOCKER = "QORGAU_DOCKER";

    /** Folder for persistent local data (the launcher's Kafka broker, for example). */
    public static final String QORGAU_DATA_DIR = "QORGAU_DATA_DIR";

    /** The value of {@link #QORGAU_DOCKER} that turns Docker off. */
    public static final String DOCKER_OFF = "off";

    private EnvNames() {}
}
