package io.firebreak.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.stream.Stream;

/**
 * The module boundaries (the README's repository table), checked on the compiled code of every module (this module sees them all):
 * the services share only the events contract and the platform, and each service's feature packages form no cycle.
 */
@AnalyzeClasses(packages = "io.firebreak", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The deployables that must stay apart: the four services and the gateway. */
    private static final List<String> SERVICES = List.of("intake", "triage", "resolution", "feedback", "gateway");

    private static final String[] SERVICE_PACKAGES =
            SERVICES.stream().map(s -> "io.firebreak." + s + "..").toArray(String[]::new);

    /** The rules below would pass on nothing: make sure every module's classes were found on the classpath. */
    @ArchTest
    static void importsEveryModule(JavaClasses classes) {
        assertThat(Stream.of("events", "platform", "intake", "triage", "resolution", "feedback", "gateway"))
                .allSatisfy(module -> assertThat(classes.stream())
                        .as("classes of io.firebreak.%s", module)
                        .anyMatch(c -> c.getPackageName().startsWith("io.firebreak." + module)));
    }

    /**
     * Services are independent: none uses another's classes. What one service needs from another arrives as an
     * event (the events module) or an HTTP call through the gateway, so each can be changed, deployed and scaled
     * on its own, and a shared class cannot couple two services' releases.
     */
    @ArchTest
    static final ArchRule services_do_not_depend_on_each_other = slices().assignedFrom(new ByService())
            .should()
            .notDependOnEachOther()
            .because("services share only the events contract and the platform");

    /**
     * The contract and the mechanism know no service: events/ is the published language every service speaks, and
     * platform/ holds mechanism only. A dependency on a service would make every other service depend on it too.
     */
    @ArchTest
    static final ArchRule events_and_platform_depend_on_no_service = noClasses()
            .that()
            .resideInAnyPackage("io.firebreak.events..", "io.firebreak.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(SERVICE_PACKAGES)
            .because("events/ and platform/ are shared by every service and must not favour one");

    /**
     * Inside a service, the feature packages (and the service's root package, with its application and properties
     * classes) form no cycle: a feature can then be understood, tested and moved on its own, and the order of
     * dependencies between features stays visible.
     */
    @ArchTest
    static final ArchRule no_package_cycles_inside_a_service = slices().assignedFrom(new ByFeature())
            .should()
            .beFreeOfCycles()
            .because("packages go by feature, and features depend on each other in one direction only");

    /** One slice per service; everything else (events, platform, standalone, libraries) is not compared. */
    private static final class ByService implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String[] packages = servicePackages(javaClass);
            return packages == null ? SliceIdentifier.ignore() : SliceIdentifier.of(packages[2]);
        }

        @Override
        public String getDescription() {
            return "services " + SERVICES;
        }
    }

    /** One slice per feature package of a service ({@code io.firebreak.<service>.<feature>..}), plus its root. */
    private static final class ByFeature implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String[] packages = servicePackages(javaClass);
            if (packages == null) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(packages[2], packages.length > 3 ? packages[3] : "(root)");
        }

        @Override
        public String getDescription() {
            return "feature packages of " + SERVICES;
        }
    }

    /** The package name's parts if the class belongs to a service ({@code io.firebreak.<service>..}), else null. */
    private static String[] servicePackages(JavaClass javaClass) {
        String[] parts = javaClass.getPackageName().split("\\.");
        boolean inService = parts.length >= 3
                && parts[0].equals("io")
                && parts[1].equals("firebreak")
                && SERVICES.contains(parts[2]);
        return inService ? parts : null;
    }
}
