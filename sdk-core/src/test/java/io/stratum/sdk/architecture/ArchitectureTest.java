package io.stratum.sdk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package map of {@code sdk-core} as rules (docs/design-notes.md draws it): no package cycle;
 * {@code cli} → {@code service} → {@code scheduler} → ({@code plan}, {@code offer}) →
 * ({@code placement}, {@code resource}, {@code state}); the backends depend on the SPI only; only
 * the service layer chooses a backend, and nothing outside {@code backend.mesos} knows Mesos.
 * Main classes only: tests may reach anything.
 */
@AnalyzeClasses(packages = "io.stratum.sdk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] BACKENDS = {"io.stratum.sdk.backend.local..", "io.stratum.sdk.backend.sim..",
        "io.stratum.sdk.backend.mesos.."};

    /** The rules below say something only if the import holds every layer's classes, and no test's. */
    @ArchTest
    static void theImportHoldsEveryLayerAndNoTest(JavaClasses classes) {
        for (String layer : new String[] {"cli", "testing", "service", "internal.http", "internal.scheduler", "plan",
            "internal.plan", "internal.offer", "backend.local", "backend.sim", "backend.mesos", "internal.state",
            "placement", "resource", "backend", "spec", "internal.cluster", "internal.text", "discovery"}) {
            assertThat(classes.containPackage("io.stratum.sdk." + layer)).as("classes of %s imported", layer).isTrue();
        }
        assertThat(classes.contain(ArchitectureTest.class)).as("test classes imported").isFalse();
    }

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.stratum.sdk.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("io.stratum.sdk.cli..")
            .layer("testing").definedBy("io.stratum.sdk.testing..")
            .layer("service").definedBy("io.stratum.sdk.service..")
            .layer("api").definedBy("io.stratum.sdk.internal.http..")
            .layer("scheduler").definedBy("io.stratum.sdk.internal.scheduler..")
            .layer("plan").definedBy("io.stratum.sdk.plan..", "io.stratum.sdk.internal.plan..")
            .layer("offer").definedBy("io.stratum.sdk.internal.offer..")
            .layer("backends").definedBy(BACKENDS)
            .layer("state").definedBy("io.stratum.sdk.internal.state..")
            .layer("placement").definedBy("io.stratum.sdk.placement..")
            .layer("resource").definedBy("io.stratum.sdk.resource..")
            .layer("spi").definedBy("io.stratum.sdk.backend")
            .layer("spec").definedBy("io.stratum.sdk.spec..", "io.stratum.sdk.internal.spec..")
            .layer("text").definedBy("io.stratum.sdk.internal.text..")
            .layer("discovery").definedBy("io.stratum.sdk.discovery..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("testing").mayNotBeAccessedByAnyLayer()
            .whereLayer("service").mayOnlyBeAccessedByLayers("cli", "testing")
            .whereLayer("api").mayOnlyBeAccessedByLayers("service", "testing")
            .whereLayer("scheduler").mayOnlyBeAccessedByLayers("service", "api", "testing")
            .whereLayer("plan").mayOnlyBeAccessedByLayers("scheduler", "api", "service", "testing")
            .whereLayer("offer").mayOnlyBeAccessedByLayers("scheduler", "testing")
            .whereLayer("backends").mayOnlyBeAccessedByLayers("service", "testing")
            .whereLayer("state").mayOnlyBeAccessedByLayers("scheduler", "api", "service", "testing")
            .whereLayer("placement").mayOnlyBeAccessedByLayers("spec", "offer", "scheduler", "service", "testing")
            .whereLayer("state").mayOnlyAccessLayers("spi", "spec", "text")
            .whereLayer("spi").mayOnlyAccessLayers("resource", "spec")
            .whereLayer("spec").mayOnlyAccessLayers("placement", "text")
            .whereLayer("placement").mayOnlyAccessLayers("resource", "text")
            .whereLayer("resource").mayNotAccessAnyLayer()
            .whereLayer("text").mayNotAccessAnyLayer()
            .whereLayer("discovery").mayOnlyBeAccessedByLayers("service", "api", "scheduler", "testing")
            .whereLayer("discovery").mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule backendsDependOnTheSpiOnly = noClasses().that().resideInAnyPackage(BACKENDS)
            .should().dependOnClassesThat().resideInAnyPackage("io.stratum.sdk.internal.scheduler..",
                    "io.stratum.sdk.internal.plan..", "io.stratum.sdk.plan..", "io.stratum.sdk.internal.offer..",
                    "io.stratum.sdk.internal.state..", "io.stratum.sdk.internal.http..", "io.stratum.sdk.http..",
                    "io.stratum.sdk.service..", "io.stratum.sdk.cli..", "io.stratum.sdk.testing..")
            .because("a backend sees the scheduler only through the SPI (io.stratum.sdk.backend)");

    @ArchTest
    static final ArchRule localBackendKnowsNoOtherBackend = noClasses().that().resideInAPackage("io.stratum.sdk.backend.local..")
            .should().dependOnClassesThat().resideInAnyPackage("io.stratum.sdk.backend.sim..", "io.stratum.sdk.backend.mesos..");

    @ArchTest
    static final ArchRule simBackendKnowsNoOtherBackend = noClasses().that().resideInAPackage("io.stratum.sdk.backend.sim..")
            .should().dependOnClassesThat().resideInAnyPackage("io.stratum.sdk.backend.local..", "io.stratum.sdk.backend.mesos..");

    @ArchTest
    static final ArchRule onlyTheServiceLayerKnowsMesos = noClasses()
            .that().resideOutsideOfPackages("io.stratum.sdk.backend.mesos..", "io.stratum.sdk.service..")
            .should().dependOnClassesThat().resideInAPackage("io.stratum.sdk.backend.mesos..")
            .because("Mesos's wire types and calls stay in backend.mesos; the service layer only builds it");

    @ArchTest
    static final ArchRule mesosBackendKnowsNoOtherBackend = noClasses().that().resideInAPackage("io.stratum.sdk.backend.mesos..")
            .should().dependOnClassesThat().resideInAnyPackage("io.stratum.sdk.backend.local..", "io.stratum.sdk.backend.sim..");

    @ArchTest
    static final ArchRule publicPackagesDoNotNeedTheCli = noClasses().that().resideOutsideOfPackage("io.stratum.sdk.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.stratum.sdk.cli..")
            .because("flags are parsed and named only in the CLI");
}
