package io.kafmirror.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: app → ui-fxml → engine → kfs-storage; storage knows no cluster, the engine no JavaFX. */
class LayeringTest {

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.kafmirror");
    }

    @Test
    void storageKnowsNoKafkaClusterAndNoUpperLayer() {
        noClasses().that().resideInAPackage("io.kafmirror.kfs..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.kafka.clients..", "javafx..", "io.kafmirror.engine..", "io.kafmirror.ui..", "io.kafmirror.app..")
                .check(classes);
    }

    @Test
    void theEngineHasNoJavaFxAndNoUpperLayer() {
        noClasses().that().resideInAPackage("io.kafmirror.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.kafmirror.ui..", "io.kafmirror.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theConsoleDoesNotReachIntoTheLauncher() {
        noClasses().that().resideInAPackage("io.kafmirror.ui..")
                .should().dependOnClassesThat().resideInAPackage("io.kafmirror.app..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
