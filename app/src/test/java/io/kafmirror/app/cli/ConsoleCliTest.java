package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import picocli.CommandLine;

class ConsoleCliTest {

    @Test
    void helpNamesTheSharedConfigurationAndDataFolder() {
        CliRun run = CliRun.of("console", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: kaf-mirror console", "--config=FILE", "--data=FOLDER", ".kaf-mirror");
        assertThat(CliRun.of("--help").out()).contains("console");
    }

    @Test
    void theConsoleStartsWithoutBuildingTheOtherCommandsAndReadsItsOptionsAsTheFullCommandLineDoes() {
        CommandLine consoleOnly = KafMirror.commandLine("console", "--data=folder");
        CommandLine full = KafMirror.commandLine("jobs", "list");

        assertThat(consoleOnly.getSubcommands()).containsOnlyKeys("console");
        assertThat(full.getSubcommands()).containsKeys("console", "jobs", "run", "restore", "help");
        assertThat(consoleOnly.getSubcommands().get("console").getUsageMessage())
                .isEqualTo(full.getSubcommands().get("console").getUsageMessage());
        assertThat(CliRun.of("console", "--no-such-option").err()).startsWith("Unknown option: '--no-such-option'")
                .contains("Usage: kaf-mirror console");
    }

    @Test
    void aDisplayIsNeededOnLinuxButNotOnWindowsOrMac() {
        assertThat(ConsoleCommand.missingDisplay(Map.of(), "Linux")).get().asString()
                .contains("needs a graphical display", "kaf-mirror run");
        assertThat(ConsoleCommand.missingDisplay(Map.of("DISPLAY", ":0"), "Linux")).isEmpty();
        assertThat(ConsoleCommand.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux")).isEmpty();
        assertThat(ConsoleCommand.missingDisplay(Map.of(), "Windows 11")).isEmpty();
        assertThat(ConsoleCommand.missingDisplay(Map.of(), "Mac OS X")).isEmpty();
    }

    @Test
    @DisabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+", disabledReason = "would open a window")
    @DisabledIfEnvironmentVariable(named = "WAYLAND_DISPLAY", matches = ".+", disabledReason = "would open a window")
    void withoutADisplayItSaysSoInOneLine() {
        CliRun run = CliRun.of("console");

        assertThat(run.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("error: The console needs a graphical display").contains("kaf-mirror run");
    }

    @Test
    void aMissingGtkLibraryIsNamedWithTheCommandThatInstallsIt() {
        // JavaFX's own failure on a machine without libgtk-3, which the tests' machine cannot be made to lack.
        RuntimeException javafx = new RuntimeException("Exception in Application start",
                new UnsupportedOperationException("Unable to load glass GTK library"));

        assertThat(ConsoleCommand.startFailure(javafx)).hasMessageStartingWith(
                "The console could not start: Unable to load glass GTK library. The console draws its window with GTK 3")
                .hasMessageContaining("apt install libgtk-3-0").hasMessageContaining("kaf-mirror run");
    }

    @Test
    void demoScreenshotsNeedTheWindowSoHeadlessIsRefusedBeforeAnythingStarts() {
        CliRun run = CliRun.of("demo", "--headless", "--screenshots", "shots");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--screenshots needs the console's window", "xvfb-run");
    }
}
