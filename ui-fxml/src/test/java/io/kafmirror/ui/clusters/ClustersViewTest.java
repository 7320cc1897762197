package io.kafmirror.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Clusters screen rendered headless: typed into, tested against the real broker, saved to a real file. */
@ExtendWith(ApplicationExtension.class)
class ClustersViewTest {

    private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
    private static ExecutorService background;
    private static Path file;

    @BeforeAll
    static void prepare() throws Exception {
        background = Executors.newSingleThreadExecutor(run -> {
            Thread thread = new Thread(run, "clusters-view-test");
            thread.setDaemon(true);
            return thread;
        });
        file = Files.createTempDirectory("clusters-view").resolve("config.yml");
        BROKER.createTopic("clusters-view", 1, Map.of());
    }

    @AfterAll
    static void stop() {
        background.shutdownNow();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(ClustersView.load(file, file.resolveSibling("data"), background).root(), 1100, 800));
        stage.show();
    }

    @Test
    void a_cluster_typed_in_is_tested_against_the_broker_and_saved_for_the_engine(FxRobot robot) throws Exception {
        robot.clickOn("#addCluster");
        robot.write("local");
        TextField brokers = field(robot, "#brokers");
        robot.clickOn(brokers).write("127.0.0.1:70000");
        assertThat(label(robot, "#brokersNote").getText()).isEqualTo("port 70000 of '127.0.0.1:70000' is out of range: use 1 to 65535");

        retype(robot, brokers, BROKER.bootstrap());
        assertThat(label(robot, "#brokersNote").isVisible()).isFalse();
        robot.clickOn("#testConnection");
        String found = awaitTest(robot);
        int topics = BROKER.admin().listTopics().names().get(10, TimeUnit.SECONDS).size();
        assertThat(found).isEqualTo("1 broker, " + topics + " topic" + (topics == 1 ? "" : "s") + ", no authentication (PLAINTEXT)");

        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        retype(robot, brokers, "127.0.0.1:" + closed);
        robot.clickOn("#testConnection");
        assertThat(awaitTest(robot)).startsWith("Cannot reach any broker: 127.0.0.1:" + closed + " (connection refused)")
                .doesNotContain("Exception");

        retype(robot, brokers, BROKER.bootstrap());
        robot.type(KeyCode.ENTER);
        // The file is written off the FX thread.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label(robot, "#status").getText().startsWith("Saved"));
        assertThat(label(robot, "#status").getText()).startsWith("Saved 1 cluster and 0 stores");
        MirrorConfig saved = new ConfigLoader().load(file);
        assertThat(saved.clusters()).containsOnlyKeys("local");
        assertThat(saved.cluster("local").brokers()).isEqualTo(BROKER.bootstrap());
        assertThat(saved.cluster("local").security().securityProtocol()).isEqualTo("PLAINTEXT");
    }

    private static String awaitTest(FxRobot robot) throws Exception {
        Label summary = label(robot, "#testSummary");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#testProgress").query().isVisible() && !summary.getText().isEmpty());
        return summary.getText();
    }

    private static void retype(FxRobot robot, TextField field, String text) {
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    // Both forms have fields of the same id; the cluster form is the one shown.
    private static <T extends Node> T inClusterForm(FxRobot robot, String id) {
        return robot.from(robot.lookup("#clusterForm").<Node>query()).lookup(id).query();
    }

    private static TextField field(FxRobot robot, String id) {
        return inClusterForm(robot, id);
    }

    private static Label label(FxRobot robot, String id) {
        return id.equals("#status") || id.equals("#testSummary") ? robot.lookup(id).query() : inClusterForm(robot, id);
    }
}
