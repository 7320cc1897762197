package io.kafmirror.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.config.FlushPolicy;
import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.Sensitivity;
import io.kafmirror.engine.config.AnomalySettings;
import io.kafmirror.engine.config.DrillFrequency;
import io.kafmirror.engine.config.DrillMode;
import io.kafmirror.engine.config.DrillSchedule;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.RetentionPolicy;
import io.kafmirror.engine.config.RetentionRule;
import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.RetentionMode;
import io.kafmirror.ui.SameThread;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job form without a stage: validation as typed, the fields as a JobConfig, the preview on a real broker, saving into H2. */
class JobFormTest {

    @TempDir
    Path dir;

    final List<Throwable> errors = new ArrayList<>();
    final List<Throwable> listenerFailures = new ArrayList<>();
    JobsState state;
    JobForm form;

    @BeforeEach
    void form() {
        // JavaFX hands a listener's exception to the thread's handler instead of the caller: collect it to fail on it.
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> listenerFailures.add(e));
        state = new JobsState(dir.resolve("data"));
        form = new JobForm(JobsTestConfig.write(dir), state, new SameThread(), errors::add);
        form.loadConfig();
    }

    @AfterEach
    void close() {
        Thread.currentThread().setUncaughtExceptionHandler(null);
        state.close();
        assertThat(listenerFailures).isEmpty();
    }

    @Test
    void theConfiguredClustersAndStoresAreTheChoicesAndTheFirstArePicked() {
        assertThat(form.sources()).containsExactly("test");
        assertThat(form.stores()).containsExactly("local");
        assertThat(form.sourceProperty().get()).isEqualTo("test");
        assertThat(form.storeProperty().get()).isEqualTo("local");
        assertThat(form.configNoteProperty().get()).isEmpty();
    }

    @Test
    void aMissingConfigurationFileSaysWhereToAddClustersAndStores() {
        JobForm empty = new JobForm(dir.resolve("none.yml"), state, new SameThread(), errors::add);
        empty.loadConfig();
        assertThat(empty.sources()).isEmpty();
        assertThat(empty.configNoteProperty().get()).contains("none.yml", "Clusters screen");
        assertThat(empty.sourceErrorProperty().get()).isEqualTo("Pick the cluster to back up.");
        assertThat(errors).isEmpty();
    }

    @Test
    void aNewJobAfterTypingOpensWithoutRedUntilTypedInAgain() {
        form.nameProperty().set("x");
        form.nameProperty().set("");
        assertThat(form.nameErrorProperty().get()).isNotEmpty();

        form.newJob();

        assertThat(form.nameErrorProperty().get()).isEmpty();
        assertThat(form.includesErrorProperty().get()).isEmpty();
        assertThat(form.validProperty().get()).as("still not savable").isFalse();
        form.includesProperty().set(" ");
        assertThat(form.nameErrorProperty().get()).isEqualTo("Name the job, e.g. orders-backup.");
    }

    @Test
    void fieldsAreValidatedAsTheyAreTyped() {
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.nameErrorProperty().get()).as("a fresh form does not open in red").isEmpty();
        assertThat(form.includesErrorProperty().get()).isEmpty();
        form.nameProperty().set("o");
        form.nameProperty().set("");
        assertThat(form.nameErrorProperty().get()).isEqualTo("Name the job, e.g. orders-backup.");
        assertThat(form.includesErrorProperty().get()).startsWith("Give at least one pattern");

        form.nameProperty().set("orders backup");
        assertThat(form.nameErrorProperty().get()).contains("'orders backup' is not a valid job name");
        form.nameProperty().set("orders-backup");
        assertThat(form.nameErrorProperty().get()).isEmpty();

        form.includesProperty().set("orders.*,pay[ments");
        assertThat(form.includesErrorProperty().get())
                .contains("the topic pattern 'pay[ments' is not a valid Java regular expression", "Unclosed character class at position 8");
        form.includesProperty().set("orders.*,payments");
        assertThat(form.includesErrorProperty().get()).isEmpty();
        form.excludesProperty().set("(tmp");
        assertThat(form.excludesErrorProperty().get()).contains("'(tmp'", "position");
        form.excludesProperty().set("");

        form.flushBytesProperty().set("16MB");
        assertThat(form.flushBytesErrorProperty().get()).contains("did you mean MiB");
        form.flushBytesProperty().set("0");
        assertThat(form.flushBytesErrorProperty().get()).contains("must be positive");
        form.flushBytesProperty().set("8MiB");
        form.flushLingerProperty().set("30 seconds");
        assertThat(form.flushLingerErrorProperty().get()).contains("is not a duration");
        form.flushLingerProperty().set("1m");

        form.lockDaysProperty().set("a month");
        assertThat(form.lockDaysErrorProperty().get()).as("no lock, days unused").isEmpty();
        form.lockProperty().set(JobForm.Lock.COMPLIANCE);
        assertThat(form.lockDaysErrorProperty().get()).isEqualTo("'a month' is not a whole number of days, e.g. 30");
        assertThat(form.validProperty().get()).isFalse();
        form.lockDaysProperty().set("30");
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void theFieldsBecomeTheJobConfigJobsAddWouldBuild() {
        form.nameProperty().set("orders");
        form.includesProperty().set("orders.*, payments.*");
        form.excludesProperty().set(".*\\.tmp");
        form.flushBytesProperty().set("8MiB");
        form.flushLingerProperty().set("1m");
        form.compressionProperty().set(SegmentCodec.LZ4);
        form.batchesProperty().set(StoredBatches.REBUILD);
        form.lockProperty().set(JobForm.Lock.GOVERNANCE);
        form.lockDaysProperty().set("7");
        form.isolationProperty().set(IsolationLevel.READ_UNCOMMITTED);
        form.commitOffsetsProperty().set(true);

        assertThat(form.toJobConfig()).isEqualTo(new JobConfig("test", "local", TopicSelection.parse("orders.*,payments.*", ".*\\.tmp"),
                new FlushPolicy(8L << 20, Duration.ofMinutes(1)), SegmentCodec.LZ4, StoredBatches.REBUILD, null,
                IsolationLevel.READ_UNCOMMITTED, new RetentionPolicy(new RetentionRule(RetentionMode.GOVERNANCE, Duration.ofDays(7)),
                Map.of()), null, true, null));
        form.lockProperty().set(JobForm.Lock.NONE);
        assertThat(form.toJobConfig().retention()).isEqualTo(RetentionPolicy.NONE);
    }

    @Test
    void theAnomalySectionShowsTheDefaultsAndChecksTheMaxLagAgainstTheLingerAsTyped() {
        AnomalyFields anomalies = form.anomalies();
        form.nameProperty().set("orders");
        form.includesProperty().set("orders.*");
        assertThat(anomalies.sensitivityProperty().get()).isEqualTo(Sensitivity.NORMAL);
        assertThat(anomalies.maxLagProperty().get()).isEmpty();
        assertThat(anomalies.maxLagDefaultProperty().get()).isEqualTo("default 5m");
        assertThat(anomalies.detectors().keySet()).containsExactly(Detector.values());
        assertThat(anomalies.detectors().values()).allMatch(on -> on.get());

        form.flushLingerProperty().set("1m");
        anomalies.maxLagProperty().set("30s");
        assertThat(anomalies.maxLagErrorProperty().get()).startsWith("'30s' must be longer than flush.max_linger (1m)");
        assertThat(form.validProperty().get()).isFalse();
        anomalies.maxLagProperty().set("soon");
        assertThat(anomalies.maxLagErrorProperty().get()).contains("'soon' is not a duration");
        anomalies.maxLagProperty().set("10m");
        assertThat(anomalies.maxLagErrorProperty().get()).isEmpty();
        assertThat(form.validProperty().get()).isTrue();
        form.flushLingerProperty().set("20m");
        assertThat(anomalies.maxLagErrorProperty().get()).as("checked again when the linger changes")
                .startsWith("'10m' must be longer than flush.max_linger (20m)");
        assertThat(anomalies.maxLagDefaultProperty().get()).isEqualTo("default 40m");
        form.flushLingerProperty().set("1m");

        anomalies.sensitivityProperty().set(Sensitivity.HIGH);
        anomalies.detectors().get(Detector.FORMAT_DRIFT).set(false);
        assertThat(form.toJobConfig().anomalies())
                .isEqualTo(new AnomalySettings(Set.of(Detector.FORMAT_DRIFT), Sensitivity.HIGH, Duration.ofMinutes(10)));
    }

    @Test
    void aJobsAnomalySettingsAreShownAndSavedAsChanged() {
        AnomalySettings settings = new AnomalySettings(Set.of(Detector.THROUGHPUT, Detector.LAG_SPIKE), Sensitivity.HIGH,
                Duration.ofMinutes(10));
        try (StateDatabase cli = StateDatabase.open(dir.resolve("data"), "cli")) {
            cli.jobs().add("audit", new JobConfig("test", "local", TopicSelection.parse("audit", ""), null, null, null, null,
                    null, null, null, null, settings));
        }
        form.edit(state.rows().stream().filter(r -> r.name().equals("audit")).findFirst().orElseThrow().job());

        AnomalyFields anomalies = form.anomalies();
        assertThat(anomalies.sensitivityProperty().get()).isEqualTo(Sensitivity.HIGH);
        assertThat(anomalies.maxLagProperty().get()).isEqualTo("10m");
        assertThat(anomalies.detectors().entrySet()).filteredOn(e -> !e.getValue().get()).extracting(Map.Entry::getKey)
                .containsExactly(Detector.THROUGHPUT, Detector.LAG_SPIKE);
        assertThat(form.toJobConfig().anomalies()).as("unchanged").isEqualTo(settings);

        anomalies.sensitivityProperty().set(Sensitivity.LOW);
        anomalies.maxLagProperty().set("");
        anomalies.detectors().get(Detector.THROUGHPUT).set(true);
        anomalies.detectors().get(Detector.CONTROL_PLANE).set(false);
        form.save(() -> { });

        assertThat(errors).isEmpty();
        try (StateDatabase cli = StateDatabase.open(dir.resolve("data"), "cli")) {
            assertThat(cli.jobs().get("audit").config().anomalies())
                    .isEqualTo(new AnomalySettings(Set.of(Detector.LAG_SPIKE, Detector.CONTROL_PLANE), Sensitivity.LOW, null));
        }
        assertThat(anomalies.detectors().values()).as("a new job again: every detector on").allMatch(on -> on.get());
    }

    @Test
    void savingAddsTheJobWhereTheCliListsItAndEditingKeepsWhatTheFormDoesNotShow() {
        form.nameProperty().set("orders");
        form.includesProperty().set("orders.*");
        List<String> saved = new ArrayList<>();
        form.save(() -> saved.add("saved"));
        assertThat(saved).containsExactly("saved");
        assertThat(form.statusProperty().get()).contains("Job orders added");
        assertThat(form.nameProperty().get()).as("cleared for the next job").isEmpty();

        JobConfig hidden = new JobConfig("test", "local", TopicSelection.parse("audit", ""), null, null, null, 64L << 20, null,
                new RetentionPolicy(RetentionRule.NONE, Map.of("audit", new RetentionRule(RetentionMode.COMPLIANCE,
                        Duration.ofDays(3650)))), Duration.ofMinutes(1), null,
                new AnomalySettings(Set.of(Detector.THROUGHPUT), Sensitivity.LOW), List.of(new DrillSchedule(DrillFrequency.WEEKLY,
                "02:00", "sunday", null, List.of("audit"), DrillMode.VERIFY, null)));
        try (StateDatabase cli = StateDatabase.open(dir.resolve("data"), "cli")) {
            Job orders = cli.jobs().get("orders");
            assertThat(orders.desiredState()).isEqualTo(DesiredState.RUNNING);
            assertThat(orders.config()).isEqualTo(JobConfig.of("test", "local", TopicSelection.parse("orders.*", "")));
            cli.jobs().add("audit", hidden);
        }

        form.edit(state.rows().stream().filter(r -> r.name().equals("audit")).findFirst().orElseThrow().job());
        assertThat(form.titleProperty().get()).isEqualTo("Edit job audit");
        assertThat(form.nameEditableProperty().get()).isFalse();
        form.compressionProperty().set(SegmentCodec.GZIP);
        form.save(() -> { });
        try (StateDatabase cli = StateDatabase.open(dir.resolve("data"), "cli")) {
            JobConfig audit = cli.jobs().get("audit").config();
            assertThat(audit.compression()).isEqualTo(SegmentCodec.GZIP);
            assertThat(audit.maxBuffered()).isEqualTo(64L << 20);
            assertThat(audit.snapshotInterval()).isEqualTo(Duration.ofMinutes(1));
            assertThat(audit.retention()).isEqualTo(hidden.retention());
            assertThat(audit.anomalies()).as("settings the form does not show are kept").isEqualTo(hidden.anomalies());
            assertThat(audit.drills()).as("drills too").isEqualTo(hidden.drills());
        }

        form.nameProperty().set("orders");
        form.includesProperty().set("orders.*");
        form.save(() -> { });
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("A job named 'orders' already exists"));
    }

    @Test
    void thePreviewShowsTheSelectedTopicsWithPartitionsAndSizesAndWhatIsLeftOut() throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        broker.createTopic("form.orders.eu", 3, Map.of());
        broker.createTopic("form.orders.us", 2, Map.of());
        broker.createTopic("form.orders.tmp", 1, Map.of());
        broker.createTopic("form.payments", 1, Map.of());
        // Kafka's own topics start with __; __consumer_offsets appears only once a group is used.
        broker.createTopic("__form.internal", 1, Map.of());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(broker.client(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("form.orders.eu", 0, "k", "v".repeat(1000))).get();
        }

        form.refreshPreview();
        assertThat(form.previewStatusProperty().get()).isEqualTo("Type an include pattern to see the topics it selects.");

        form.includesProperty().set("form\\.orders.*,__form.*");
        form.excludesProperty().set(".*\\.tmp");
        form.refreshPreview();
        assertThat(form.previewProperty().get().lines()).extracting(TopicPreview.Line::name, l -> l.topic().partitions(), TopicPreview.Line::verdict)
                .containsExactly(tuple("form.orders.eu", 3, TopicPreview.Verdict.SELECTED),
                        tuple("form.orders.us", 2, TopicPreview.Verdict.SELECTED),
                        tuple("form.orders.tmp", 1, TopicPreview.Verdict.EXCLUDED),
                        tuple("__form.internal", 1, TopicPreview.Verdict.INTERNAL));
        assertThat(form.previewProperty().get().lines().get(0).topic().bytes()).isGreaterThan(1000);
        assertThat(form.previewProperty().get().lines().get(0).sizeText()).endsWith("KiB");
        assertThat(form.previewStatusProperty().get()).matches("2 of \\d+ topics selected, 1 excluded, 1 internal left out");

        form.includesProperty().set("form\\.orders[");
        form.refreshPreview();
        assertThat(form.previewProperty().get().lines()).isEmpty();
        assertThat(form.previewStatusProperty().get()).isEqualTo("Correct the patterns to see the topics they select.");
        assertThat(errors).isEmpty();
    }
}
