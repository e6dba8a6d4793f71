package kz.qorgau.infrastructure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lookup of settings by name. Blank values count as absent, and values are trimmed.
 *
 * <p>{@link #system()} reads system properties first, then environment variables; {@link #of(Map)}
 * is for tests.
 */
@FunctionalInterface
public interface InfraEnvironment {

    /** The data folder when {@link EnvNames#QORGAU_DATA_DIR} is not set, relative to the working directory. */
    String DEFAULT_DATA_DIR = ".qorgau";

    /** The value named {@code name}, if it is set and not blank. */
    Optional<String> get(String name);

    /** System properties first, then environment variables. Reads them at each call. */
    static InfraEnvironment system() {
        return name -> {
            Optional<String> property = clean(System.getProperty(name));
            return property.isPresent() ? property : clean(System.getenv(name));
        };
    }

    /** A fixed set of values (a copy of {@code values}; null values are allowed and count as absent). */
    static InfraEnvironment of(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>(Objects.requireNonNull(values, "values"));
        return name -> clean(copy.get(name));
    }

    /** An environment in which nothing is set. */
    static InfraEnvironment empty() {
        return name -> Optional.empty();
    }

    /** This environment, then {@code fallback} for names this one does not set. */
    default InfraEnvironment orElse(InfraEnvironment fallback) {
        Objects.requireNonNull(fallback, "fallback");
        return name -> {
            Optional<String> value = get(name);
            return value.isPresent() ? value : fallback.get(name);
        };
    }

    /** True unless {@link EnvNames#QORGAU_DOCKER} is {@code off}. */
    default boolean dockerAllowed() {
        return get(EnvNames.QORGAU_DOCKER)
                .map(value -> !EnvNames.DOCKER_OFF.equalsIgnoreCase(value))
                .orElse(true);
    }

    /**
     * The folder for persistent local data: {@link EnvNames#QORGAU_DATA_DIR}, else {@value #DEFAULT_DATA_DIR}
     * in the working directory (ignored by git).
     */
    default Path dataDir() {
        return get(EnvNames.QORGAU_DATA_DIR).map(Path::of).orElse(Path.of(DEFAULT_DATA_DIR));
    }

    private static Optional<String> clean(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }
}
