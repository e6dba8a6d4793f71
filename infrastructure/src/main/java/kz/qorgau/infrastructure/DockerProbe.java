package kz.qorgau.infrastructure;

/** Answers whether a Docker engine can run Testcontainers containers. */
@FunctionalInterface
public interface DockerProbe {

    boolean dockerAvailable();

    /**
     * The default probe: a fast look for any sign of a Docker engine (DOCKER_HOST, a Docker socket, a
     * Testcontainers or Docker context configuration); only when there is one does it ask Testcontainers
     * ({@code DockerClientFactory.instance().isDockerAvailable()}). The answer is computed once per JVM.
     */
    static DockerProbe testcontainers() {
        return TestcontainersDockerProbe.INSTANCE;
    }

    /** A probe that always answers no, without looking. */
    static DockerProbe unavailable() {
        return () -> false;
    }

    /**
     * True when {@code environment} allows Docker ({@link EnvNames#QORGAU_DOCKER} is not {@code off})
     * and {@code probe} finds it. The probe is not called when Docker is turned off.
     */
    static boolean usable(InfraEnvironment environment, DockerProbe probe) {
        return environment.dockerAllowed() && probe.dockerAvailable();
    }
}
