package io.kafmirror.engine.state;

import static io.kafmirror.engine.state.StateDatabaseTest.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.DetectorMemory;
import io.kafmirror.engine.anomaly.Sensitivity;
import io.kafmirror.engine.config.FlushPolicy;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.RetentionPolicy;
import io.kafmirror.engine.config.RetentionRule;
import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.RetentionMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobStoreTest extends StateDatabaseFixture {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final JobConfig PAYMENTS = JobConfig.of("prod", "vault", TopicSelection.parse("payments.*", ""));
    static final RetentionRule SEVEN_YEARS = new RetentionRule(RetentionMode.COMPLIANCE, Duration.ofDays(2555));
    /** Test topics are not locked, the other orders topics for seven years. */
    static final RetentionPolicy TEST_TOPICS_UNLOCKED = retention(Map.entry("orders\\.test.*", RetentionRule.NONE),
            Map.entry("orders.*", SEVEN_YEARS));
    /** The same rules the other way round: orders.* comes first and now locks the test topics too. */
    static final RetentionPolicy ALL_LOCKED = retention(Map.entry("orders.*", SEVEN_YEARS),
            Map.entry("orders\\.test.*", RetentionRule.NONE));

    JobStoreTest() {
        super("console", T0, MetricsSeries.DEFAULT_RETENTION);
    }

    @Test
    void aJobReadsBackWithEverySettingItWasAddedWith() {
        JobConfig everything = new JobConfig("prod", "vault",
                TopicSelection.of(List.of("orders.*", "logs\\.[a-z]{1,3}"), List.of(".*-tmp$")),
                new FlushPolicy(64L * 1024 * 1024, Duration.ofSeconds(90)), SegmentCodec.LZ4, StoredBatches.REBUILD, 512L * 1024 * 1024,
                IsolationLevel.READ_UNCOMMITTED, TEST_TOPICS_UNLOCKED, Duration.ofMinutes(2), true, null);

        Job added = db.jobs().add("orders", everything);
        reopen();

        assertThat(db.jobs().list()).containsExactly(added);
        assertThat(db.jobs().get("orders")).isEqualTo(new Job("orders", everything, DesiredState.RUNNING, T0, T0));
        assertThat(db.jobs().get("orders").config().retention().ruleFor("orders.test.1")).isEqualTo(RetentionRule.NONE);
    }

    @Test
    void jobsAreListedByName() {
        db.jobs().add("payments", PAYMENTS);
        db.jobs().add("audit", ORDERS);
        db.jobs().add("orders", ORDERS);

        assertThat(db.jobs().list()).extracting(Job::name).containsExactly("audit", "orders", "payments");
    }

    @Test
    void aNameAlreadyTakenIsRefusedAndTheJobStaysAsItWas() {
        db.jobs().add("orders", ORDERS);

        assertThatThrownBy(() -> db.jobs().add("orders", PAYMENTS))
                .hasMessageContaining("A job named 'orders' already exists")
                .hasMessageContaining("kaf-mirror jobs update");
        assertThat(db.jobs().get("orders").config()).isEqualTo(ORDERS);
        assertThat(types(HistoryFilter.of("orders"))).containsExactly("JOB_ADDED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "orders eu", "../orders", "..", "orders/eu"})
    void anInvalidNameIsRefusedWithTheRule(String name) {
        assertThatThrownBy(() -> db.jobs().add(name, ORDERS))
                .hasMessageContaining("'" + name + "' is not a valid job name")
                .hasMessageContaining("e.g. orders-backup");
        assertThat(db.jobs().list()).isEmpty();
    }

    @Test
    void eachChangeOfDesiredStateIsRecordedWithWhoMadeIt() {
        db.jobs().add("orders", ORDERS);
        clock.advance(Duration.ofMinutes(1));
        Job paused = db.jobs().setDesiredState("orders", DesiredState.PAUSED);
        clock.advance(Duration.ofMinutes(1));
        db.jobs().setDesiredState("orders", DesiredState.STOPPED);
        clock.advance(Duration.ofMinutes(1));
        db.jobs().setDesiredState("orders", DesiredState.RUNNING);

        assertThat(paused).isEqualTo(new Job("orders", ORDERS, DesiredState.PAUSED, T0, T0.plus(Duration.ofMinutes(1))));
        assertThat(db.history().query(HistoryFilter.of("orders")))
                .extracting(HistoryEntry::type, HistoryEntry::actor, HistoryEntry::message)
                .containsExactly(
                        tuple("JOB_RESUMED", "console", "desired state stopped → running"),
                        tuple("JOB_STOPPED", "console", "desired state paused → stopped"),
                        tuple("JOB_PAUSED", "console", "desired state running → paused"),
                        tuple("JOB_ADDED", "console", "added: topics orders.* from prod into vault"));
    }

    @Test
    void settingTheStateAJobAlreadyHasChangesAndRecordsNothing() {
        db.jobs().add("orders", ORDERS);
        clock.advance(Duration.ofMinutes(1));

        Job same = db.jobs().setDesiredState("orders", DesiredState.RUNNING);

        assertThat(same.updated()).isEqualTo(T0);
        assertThat(types(HistoryFilter.of("orders"))).containsExactly("JOB_ADDED");
    }

    @Test
    void anUpdateIsRecordedWithTheNewConfigurationOnlyWhenItChangesSomething() {
        db.jobs().add("orders", ORDERS);
        db.jobs().setDesiredState("orders", DesiredState.PAUSED);
        clock.advance(Duration.ofMinutes(1));

        Job unchanged = db.jobs().update("orders", ORDERS);
        Job changed = db.jobs().update("orders", PAYMENTS);

        assertThat(unchanged.updated()).isEqualTo(T0);
        assertThat(changed).isEqualTo(new Job("orders", PAYMENTS, DesiredState.PAUSED, T0, T0.plus(Duration.ofMinutes(1))));
        HistoryEntry update = db.history().query(HistoryFilter.of("orders")).get(0);
        assertThat(update.type()).isEqualTo("JOB_UPDATED");
        assertThat(update.message()).isEqualTo("configuration changed: topics payments.* from prod into vault");
        assertThat(update.detail()).contains("payments.*").doesNotContain("orders.*");
        assertThat(types(HistoryFilter.of("orders"))).containsExactly("JOB_UPDATED", "JOB_PAUSED", "JOB_ADDED");
    }

    @Test
    void reorderingRetentionRulesIsAChangeBecauseTheFirstMatchWins() {
        db.jobs().add("orders", ordersWith(TEST_TOPICS_UNLOCKED));

        db.jobs().update("orders", ordersWith(ALL_LOCKED));

        assertThat(db.jobs().get("orders").config().retention().ruleFor("orders.test.1")).isEqualTo(SEVEN_YEARS);
        assertThat(types(HistoryFilter.of("orders"))).containsExactly("JOB_UPDATED", "JOB_ADDED");
    }

    @Test
    void removingAJobDeletesItsMetricsAndLearnedStateButKeepsItsHistoryAndFreesTheName() {
        db.jobs().add("orders", ORDERS);
        db.jobs().add("payments", PAYMENTS);
        db.metrics().insert(List.of(MetricsSeriesTest.sample("orders", 0, T0, 100), MetricsSeriesTest.sample("payments", 0, T0, 200)));
        DetectorMemory.Learned learned = new DetectorMemory.Learned(Detector.FORMAT_DRIFT, "orders", "id-1", new byte[]{1});
        db.detectorStates().of("orders", Sensitivity.NORMAL).keep(List.of(learned));
        db.detectorStates().of("payments", Sensitivity.NORMAL).keep(List.of(learned));

        db.jobs().remove("orders");

        assertThat(db.jobs().find("orders")).isEmpty();
        assertThat(db.jobs().list()).extracting(Job::name).containsExactly("payments");
        assertThat(db.metrics().latest("orders")).isEmpty();
        assertThat(db.metrics().latest("payments")).extracting(MetricSample::storedOffset).containsExactly(200L);
        assertThat(db.detectorStates().of("orders", Sensitivity.NORMAL).recall(Detector.FORMAT_DRIFT, "orders", "id-1"))
                .as("a job added again under the name learns anew").isEmpty();
        assertThat(db.detectorStates().of("payments", Sensitivity.NORMAL).recall(Detector.FORMAT_DRIFT, "orders", "id-1"))
                .isPresent();
        assertThat(db.history().query(HistoryFilter.of("orders")).get(0).message())
                .isEqualTo("removed; its backups in the store are untouched");

        clock.advance(Duration.ofMinutes(1));
        db.jobs().add("orders", PAYMENTS);
        assertThat(db.jobs().get("orders").config()).isEqualTo(PAYMENTS);
        assertThat(types(HistoryFilter.of("orders"))).containsExactly("JOB_ADDED", "JOB_REMOVED", "JOB_ADDED");
    }

    @Test
    void anUnknownJobIsNamedWithTheJobsThereAre() {
        assertThatThrownBy(() -> db.jobs().get("orders")).isInstanceOf(UnknownJobException.class)
                .hasMessage("There is no job named 'orders': no job has been added yet. Add one with 'kaf-mirror jobs add'.");

        db.jobs().add("payments", PAYMENTS);
        db.jobs().add("audit", ORDERS);

        assertThatThrownBy(() -> db.jobs().get("orders")).isInstanceOfSatisfying(UnknownJobException.class, e -> {
            assertThat(e).hasMessage("There is no job named 'orders'. The jobs are: audit, payments.");
            assertThat(e.knownJobs()).containsExactly("audit", "payments");
        });
    }

    @Test
    void changingAnUnknownJobChangesAndRecordsNothing() {
        db.jobs().add("payments", PAYMENTS);

        assertThatThrownBy(() -> db.jobs().setDesiredState("orders", DesiredState.PAUSED)).isInstanceOf(UnknownJobException.class);
        assertThatThrownBy(() -> db.jobs().update("orders", ORDERS)).isInstanceOf(UnknownJobException.class);
        assertThatThrownBy(() -> db.jobs().remove("orders")).isInstanceOf(UnknownJobException.class);
        assertThat(db.history().query(HistoryFilter.of("orders"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${SOURCE_CLUSTER}", "prod$$eu"})
    void aValueThatWouldReadBackAsAnEnvironmentReferenceIsRefused(String source) {
        JobConfig fromEnvironment = JobConfig.of(source, "vault", TopicSelection.parse("orders.*", ""));
        db.jobs().add("payments", PAYMENTS);

        assertThatThrownBy(() -> db.jobs().add("orders", fromEnvironment))
                .hasMessageContaining("The configuration of job 'orders' cannot be stored")
                .hasMessageContaining("A value holding '$$' or '${' is read back as an environment reference: change that value");
        assertThatThrownBy(() -> db.jobs().update("payments", fromEnvironment))
                .hasMessageContaining("The configuration of job 'payments' cannot be stored");
        assertThat(db.jobs().list()).extracting(Job::name, Job::config).containsExactly(tuple("payments", PAYMENTS));
        assertThat(types(HistoryFilter.all())).containsExactly("JOB_ADDED");
    }

    private List<String> types(HistoryFilter filter) {
        return db.history().query(filter).stream().map(HistoryEntry::type).toList();
    }

    @SafeVarargs
    private static RetentionPolicy retention(Map.Entry<String, RetentionRule>... rulesInOrder) {
        Map<String, RetentionRule> rules = new LinkedHashMap<>();
        for (Map.Entry<String, RetentionRule> rule : rulesInOrder) {
            rules.put(rule.getKey(), rule.getValue());
        }
        return new RetentionPolicy(new RetentionRule(RetentionMode.GOVERNANCE, Duration.ofDays(30)), rules);
    }

    private static JobConfig ordersWith(RetentionPolicy retention) {
        return new JobConfig("prod", "vault", ORDERS.topics(), null, null, null, null, null, retention, null, null, null);
    }
}
