package io.kafmirror.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.evidence.EvidenceKey;
import io.kafmirror.engine.evidence.EvidencePack;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.Notifications;
import io.kafmirror.ui.Screen;
import io.kafmirror.ui.ScreenStage;
import io.kafmirror.ui.restore.LocalBackup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Evidence screen rendered headless over a real backup: it shows the signing key and exports a pack that verifies. */
@ExtendWith(ScreenStage.class)
class EvidenceViewTest {

    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();
    final Notifications notifications = new Notifications();

    @Test
    void aPackOfTheBackupIsExportedSignedWithTheKeyTheScreenShows() throws Exception {
        LocalBackup backup = LocalBackup.write(dir, "evidence");
        Path out = dir.resolve("packs/evidence.zip");
        Files.createDirectories(out.getParent());
        ScreenStage.show(Screen.EVIDENCE, new ConsoleContext(backup.configFile, backup.dataDir, notifications));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text("#keyArea").isEmpty() && stores().getItems().size() == 2);
        EvidenceKey key = EvidenceKey.loadOrCreate(backup.dataDir);
        assertThat(text("#keyArea")).isEqualTo(key.publicPem());
        assertThat(robot.lookup("#fingerprintField").queryTextInputControl().getText().replace(" ", "")).isEqualTo(key.fingerprint());

        robot.clickOn("#last7DaysButton");
        LocalDate from = LocalDate.ofInstant(LocalBackup.START, ZoneId.systemDefault()).minusDays(1);
        robot.interact(() -> robot.lookup("#fromPicker").queryAs(DatePicker.class).setValue(from));
        assertThat(robot.lookup("#fromPicker").queryAs(DatePicker.class).getEditor().getText()).as("ISO, whatever the locale")
                .isEqualTo(from.toString());
        robot.interact(() -> stores().setValue("local"));
        robot.interact(() -> robot.lookup("#outField").queryAs(TextField.class).setText(out.toString()));
        assertThat(robot.lookup("#commandField").queryAs(TextField.class).getText())
                .startsWith("kaf-mirror evidence scheduled --every monthly --folder " + out.getParent()).endsWith("--store local");
        robot.clickOn("#exportButton");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !text("#outcomeArea").isEmpty()
                || robot.lookup(".notification").tryQuery().isPresent());
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();
        Map<String, byte[]> files = PackFiles.of(out);
        assertThat(files).containsKeys(EvidencePack.REPORT, EvidencePack.MANIFEST, EvidencePack.SIGNATURE, EvidencePack.VERIFY);
        assertThat(key.verifies(files.get(EvidencePack.MANIFEST), files.get(EvidencePack.SIGNATURE))).isTrue();
        assertThat(new String(files.get(EvidencePack.PUBLIC_KEY), StandardCharsets.US_ASCII)).isEqualTo(text("#keyArea"));
        assertThat(new String(files.get("data/coverage.csv"), StandardCharsets.UTF_8)).contains("evidence.orders");
        assertThat(text("#outcomeArea")).startsWith("Wrote " + out).contains("Manifest SHA-256: ").contains("VERIFY.md");
        try (StateDatabase state = StateDatabase.open(backup.dataDir, "test")) {
            assertThat(state.audit().list(AuditFilter.all().ofAction("evidence.export"))).singleElement()
                    .satisfies(e -> assertThat(e.parameters()).contains("\"stores\":[\"local\"]", "\"file\":\"evidence.zip\""));
        }
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(TextArea.class).getText();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> stores() {
        return robot.lookup("#storeChoice").queryAs(ComboBox.class);
    }
}
