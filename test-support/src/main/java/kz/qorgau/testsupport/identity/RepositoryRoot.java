package kz.qorgau.testsupport.identity;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout this build runs in, found from the working directory (a module folder under Maven). */
final class RepositoryRoot {

    /** Set by a module's build to skip the search (local-stack does). */
    static final String PROPERTY = "qorgau.repository.root";

    private RepositoryRoot() {}

    /** The nearest folder, from user.dir upwards, that holds identity-server/pom.xml. */
    static Path find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("identity-server").resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No Qorgau repository (a folder with identity-server/pom.xml) at or above "
                + start + ": run the tests from inside the checkout");
    }
}
