package io.callqa.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the structure that the README's module table describes: no import cycle between any two
 * {@code io.callqa} packages, the plain-Java modules free of Flink, and the domain below the job,
 * the console and the command line.
 */
class PackageStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        // The pipeline's test jar is on this module's test classpath too.
                        .withImportOption(location -> !location.contains("-tests.jar"))
                        .importPackages("io.callqa");
    }

    @Test
    void seesEveryModule() {
        // A rule over classes that were not imported would pass for nothing.
        for (String pkg :
                new String[] {
                    "io.callqa.audio",
                    "io.callqa.rules.engine",
                    "io.callqa.analysis",
                    "io.callqa.analysis.document",
                    "io.callqa.pipeline",
                    "io.callqa.pipeline.live",
                    "io.callqa.console",
                    "io.callqa.dashboards",
                    "io.callqa.servers",
                    "io.callqa.cli"
                }) {
            assertThat(classes.containPackage(pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void noTwoPackagesImportEachOther() {
        slices().matching("io.callqa.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void thePlainJavaModulesDoNotUseFlink() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.callqa.audio..",
                        "io.callqa.rules..",
                        "io.callqa.analysis..",
                        "io.callqa.console..",
                        "io.callqa.dashboards..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.flink..")
                .check(classes);
    }

    @Test
    void theDomainKnowsNothingOfTheJobTheConsoleOrTheCommandLine() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.callqa.audio..", "io.callqa.rules..", "io.callqa.analysis..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.callqa.pipeline..",
                        "io.callqa.cli..",
                        "io.callqa.console..",
                        "io.callqa.dashboards..",
                        "io.callqa.servers..")
                .check(classes);
    }

    @Test
    void theJobDoesNotReachIntoTheConsoleTheCommandLineOrTheLocalServers() {
        // What the job jar for `flink run` carries: neither the CLI, nor the console, nor the
        // local servers.
        noClasses()
                .that()
                .resideInAnyPackage("io.callqa.pipeline..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.callqa.cli..", "io.callqa.console..", "io.callqa.servers..")
                .check(classes);
    }
}
