package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.DetectorMemory;
import io.kafmirror.engine.anomaly.Sensitivity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the detectors learned, kept in a real H2 file and recalled by the next opening: only at the sensitivity and for
 * the topic generation it was learned at, replaced at each save, forgotten for detectors switched off.
 */
class DetectorStatesTest {

    private static final byte[] STATE = {1, 2, 3};

    @TempDir
    Path dataDir;

    @Test
    void aStateKeptIsRecalledByTheNextOpeningForTheSameTopicGenerationAndSensitivityOnly() {
        try (StateDatabase db = StateDatabase.open(dataDir, "run")) {
            db.detectorStates().of("orders", Sensitivity.NORMAL).keep(List.of(
                    new DetectorMemory.Learned(Detector.FORMAT_DRIFT, "payments", "id-1", STATE),
                    new DetectorMemory.Learned(Detector.LAG_SPIKE, "", "", new byte[]{9})));
        }
        try (StateDatabase db = StateDatabase.open(dataDir, "run")) {
            DetectorMemory normal = db.detectorStates().of("orders", Sensitivity.NORMAL);
            assertThat(normal.recall(Detector.FORMAT_DRIFT, "payments", "id-1")).hasValue(STATE);
            assertThat(normal.recall(Detector.LAG_SPIKE, "", "")).hasValue(new byte[]{9});
            assertThat(normal.recall(Detector.FORMAT_DRIFT, "payments", "id-2")).as("the topic created again").isEmpty();
            assertThat(normal.recall(Detector.RECORD_SIZE, "payments", "id-1")).as("another detector").isEmpty();
            assertThat(normal.recall(Detector.FORMAT_DRIFT, "refunds", "id-1")).as("another topic").isEmpty();
            assertThat(db.detectorStates().of("orders", Sensitivity.HIGH).recall(Detector.FORMAT_DRIFT, "payments", "id-1"))
                    .as("learned at another sensitivity").isEmpty();
            assertThat(db.detectorStates().of("refunds", Sensitivity.NORMAL).recall(Detector.FORMAT_DRIFT, "payments", "id-1"))
                    .as("another job").isEmpty();
        }
    }

    @Test
    void aSaveReplacesTheStateOfItsDetectorAndScopeAndForgettingADetectorLeavesTheOthers() {
        try (StateDatabase db = StateDatabase.open(dataDir, "run")) {
            DetectorMemory memory = db.detectorStates().of("orders", Sensitivity.LOW);
            memory.keep(List.of(new DetectorMemory.Learned(Detector.THROUGHPUT, "payments", "id-1", STATE),
                    new DetectorMemory.Learned(Detector.RECORD_SIZE, "payments", "id-1", STATE)));
            memory.keep(List.of(new DetectorMemory.Learned(Detector.THROUGHPUT, "payments", "id-2", new byte[]{7})));

            assertThat(memory.recall(Detector.THROUGHPUT, "payments", "id-2")).hasValue(new byte[]{7});
            assertThat(memory.recall(Detector.THROUGHPUT, "payments", "id-1")).isEmpty();

            db.detectorStates().forget("orders", Set.of(Detector.THROUGHPUT));
            assertThat(memory.recall(Detector.THROUGHPUT, "payments", "id-2")).isEmpty();
            assertThat(memory.recall(Detector.RECORD_SIZE, "payments", "id-1")).hasValue(STATE);
        }
    }

    @Test
    void aRecallThatFailsIsLoggedAndLeavesTheDetectorAsItWas() {
        try (StateDatabase db = StateDatabase.open(dataDir, "run")) {
            DetectorMemory memory = db.detectorStates().of("orders", Sensitivity.NORMAL);
            memory.keep(List.of(new DetectorMemory.Learned(Detector.FORMAT_DRIFT, "payments", "id-1", STATE)));
            boolean[] restored = {false};

            memory.restore(Detector.FORMAT_DRIFT, "payments", "id-1", state -> {
                throw new IllegalArgumentException("The learned state of the format drift detector cannot be read");
            });
            memory.restore(Detector.RECORD_SIZE, "payments", "id-1", state -> restored[0] = true);

            assertThat(restored[0]).as("nothing kept: nothing restored").isFalse();
        }
    }

    @Test
    void aJobsMetricsInATimeRangeAreReadThroughTheIndexOnJobAndTime() throws Exception {
        StateDatabase.open(dataDir, "run").close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("state") + ";AUTO_SERVER=TRUE",
                "kaf-mirror", ""); Statement s = c.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN SELECT topic, at, lag_records, lag_seconds FROM metric_sample"
                     + " WHERE job = 'orders' AND at BETWEEN 1 AND 2")) {
            plan.next();
            assertThat(plan.getString(1)).containsIgnoringCase("METRIC_SAMPLE_JOB_AT");
        }
    }
}
