package io.kafmirror.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1440, 900);
    static final Rectangle2D MONITOR_RIGHT = new Rectangle2D(1440, 0, 2560, 1440);

    @TempDir
    Path data;

    @Test
    void navigatesAndTogglesTheTheme() {
        MainViewModel model = new MainViewModel();
        List<Screen> shown = new java.util.ArrayList<>();
        model.screenProperty().addListener((obs, old, screen) -> shown.add(screen));

        model.navigate(Screen.RESTORE);
        model.navigate(Screen.EVIDENCE);
        model.toggleTheme();

        assertThat(shown).containsExactly(Screen.RESTORE, Screen.EVIDENCE);
        assertThat(model.themeProperty().get()).isEqualTo(Theme.DARK);
        model.toggleTheme();
        assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void screensHaveShortcutsInNavigationOrderAndTheirFxmlWhereOthersWillPutIt() {
        assertThat(Screen.values()).extracting(Screen::shortcutDigit).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(Screen.CLUSTERS.fxml()).isEqualTo("/io/kafmirror/ui/clusters/ClustersView.fxml");
        assertThat(Screen.AUDIT_LOG.issue()).isEqualTo(6);
        assertThat(Screen.EVIDENCE.issue()).isEqualTo(6);
        assertThat(Screen.byName("nonsense", Screen.JOBS)).isEqualTo(Screen.JOBS);
    }

    @Test
    void geometryFollowsTheWindowButKeepsTheNormalBoundsWhileMaximized() {
        MainViewModel model = new MainViewModel();
        model.windowMoved(100, 50, 1000, 700);
        model.windowMaximized(true);

        assertThat(model.geometryProperty().get()).isEqualTo(new WindowGeometry(100, 50, 1000, 700, true));
    }

    @Test
    void aWindowOnAMonitorThatIsGoneComesBackOntoThePrimaryScreen() {
        WindowGeometry onUnpluggedMonitor = new WindowGeometry(2000, 300, 1200, 800, false);

        assertThat(onUnpluggedMonitor.clampTo(List.of(LAPTOP))).isEqualTo(new WindowGeometry(240, 100, 1200, 800, false));
        assertThat(onUnpluggedMonitor.clampTo(List.of(LAPTOP, MONITOR_RIGHT))).isEqualTo(onUnpluggedMonitor);
    }

    @Test
    void aWindowHalfOffScreenIsPulledInAndOneTooLargeIsShrunk() {
        assertThat(new WindowGeometry(-300, -40, 1000, 700, false).clampTo(List.of(LAPTOP)))
                .isEqualTo(new WindowGeometry(0, 0, 1000, 700, false));
        assertThat(new WindowGeometry(1000, 600, 3000, 2000, true).clampTo(List.of(LAPTOP, MONITOR_RIGHT)))
                .as("mostly on the right monitor: shrunk to it")
                .isEqualTo(new WindowGeometry(1440, 0, 2560, 1440, true));
        assertThat(new WindowGeometry(10, 10, 100, 100, false)).as("never smaller than usable")
                .isEqualTo(new WindowGeometry(10, 10, WindowGeometry.MIN_WIDTH, WindowGeometry.MIN_HEIGHT, false));
    }

    @Test
    void aFirstStartWindowIsCentredOnThePrimaryScreen() {
        assertThat(WindowGeometry.centredOn(LAPTOP)).isEqualTo(new WindowGeometry(80, 50, 1280, 800, false));
    }

    @Test
    void whatTheWindowRemembersSurvivesARestartAndIsClampedToTheScreensThere() {
        MainViewModel before = new MainViewModel();
        before.navigate(Screen.DASHBOARD);
        before.toggleTheme();
        before.windowMoved(1600, 200, 1400, 900);
        ConsoleMemory.in(data).save(before.remembered());

        MainViewModel after = new MainViewModel();
        after.restore(ConsoleMemory.in(data).load().orElseThrow(), List.of(LAPTOP));

        assertThat(after.screenProperty().get()).isEqualTo(Screen.DASHBOARD);
        assertThat(after.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(after.geometryProperty().get()).isEqualTo(new WindowGeometry(40, 0, 1400, 900, false));
    }

    @Test
    void nothingRememberedOrAnUnreadableMemoryIsAFirstStart() throws Exception {
        assertThat(ConsoleMemory.in(data).load()).isEmpty();

        Files.writeString(data.resolve("console.properties"), "screen=JOBS\nwindow.x=left\n");
        assertThat(ConsoleMemory.in(data).load()).isEmpty();
    }
}
