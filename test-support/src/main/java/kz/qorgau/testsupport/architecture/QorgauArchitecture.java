package kz.qorgau.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.stream.Stream;

/**
 * The architecture's rules, checked by each service's own test: services never import each other
 * nor the build's helper modules, feature packages have no cycles, and a few habits hold. The service
 * kit checks its own: it depends on no service (docs/adr/0016).
 */
public final class QorgauArchitecture {

    /** The root package of every service; a service's code lives below its own. */
    public static final List<String> SERVICE_PACKAGES =
            List.of("kz.qorgau.order", "kz.qorgau.notification", "kz.qorgau.audit");

    /** Modules that exist for building and testing, never for a service's main code. */
    public static final List<String> BUILD_ONLY_PACKAGES =
            List.of("kz.qorgau.testsupport", "kz.qorgau.infrastructure", "kz.qorgau.localstack");

    /** The root package of the service kit: what every service uses, and no domain code. */
    public static final String KIT_PACKAGE = "kz.qorgau.kit";

    /** The root packages of code with a domain of its own, which the kit must never reach into. */
    public static final List<String> DOMAIN_PACKAGES =
            List.of("kz.qorgau.order", "kz.qorgau.notification", "kz.qorgau.audit", "kz.qorgau.identity");

    private QorgauArchitecture() {}

    /** Imports the service's main classes (tests and jars excluded). */
    public static JavaClasses importService(String servicePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(servicePackage);
    }

    /** A service depends on the contract module and libraries, never on another service. */
    public static ArchRule serviceIsIndependent(String servicePackage) {
        return noDependency(
                servicePackage,
                Stream.concat(
                        SERVICE_PACKAGES.stream().filter(other -> !other.equals(servicePackage)),
                        BUILD_ONLY_PACKAGES.stream()),
                "services share only the events contract and the service kit at compile time (docs/adr/0016)");
    }

    /** Feature packages ({@code <service>.<feature>..}) do not depend on each other in a cycle. */
    public static ArchRule featuresAreFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /**
     * The kit depends on the contract and libraries, never on a service (nor the local issuer, nor a build
     * module): every service depends on it, so anything of a service's in it would be shared domain code.
     */
    public static ArchRule kitDependsOnNoService() {
        return noDependency(
                KIT_PACKAGE,
                Stream.concat(DOMAIN_PACKAGES.stream(), BUILD_ONLY_PACKAGES.stream()),
                "the kit serves every service and holds no domain code (docs/adr/0016)");
    }

    /** Every rule for the kit: no service, no cycle between its packages, the same habits as a service. */
    public static List<ArchRule> rulesForKit() {
        return rules(kitDependsOnNoService(), KIT_PACKAGE);
    }

    /** Checks every rule of the kit on its main classes and fails with all violations. */
    public static void verifyKit() {
        JavaClasses classes = importService(KIT_PACKAGE);
        rulesForKit().forEach(rule -> rule.check(classes));
    }

    /** Every rule for one service. */
    public static List<ArchRule> rulesFor(String servicePackage) {
        return rules(serviceIsIndependent(servicePackage), servicePackage);
    }

    /** What a module may not depend on, its package cycles, and the habits every module keeps. */
    private static List<ArchRule> rules(ArchRule dependencies, String rootPackage) {
        return List.of(
                dependencies,
                featuresAreFreeOfCycles(rootPackage),
                GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS,
                GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING,
                GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION);
    }

    /** No class below {@code rootPackage} depends on a class below any of {@code forbiddenRoots}. */
    private static ArchRule noDependency(String rootPackage, Stream<String> forbiddenRoots, String because) {
        return noClasses()
                .that()
                .resideInAPackage(rootPackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbiddenRoots.map(root -> root + "..").toArray(String[]::new))
                .because(because);
    }

    /** Checks every rule for one service and fails with all violations. */
    public static void verifyService(String servicePackage) {
        JavaClasses classes = importService(servicePackage);
        rulesFor(servicePackage).forEach(rule -> rule.check(classes));
    }
}
