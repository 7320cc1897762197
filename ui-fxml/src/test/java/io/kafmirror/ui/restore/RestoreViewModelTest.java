package io.kafmirror.ui.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.restore.RestorePoint;
import io.kafmirror.engine.restore.RestoreRequest;
import io.kafmirror.engine.state.AlertFilter;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.RestoreAt;
import io.kafmirror.ui.SameThread;
import io.kafmirror.kfs.format.KfsRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore point chosen over a real local backup, planned by the engine's planner, without a stage. */
class RestoreViewModelTest {

    @TempDir
    Path dir;

    LocalBackup backup;
    StoredBackups backups;
    RestoreViewModel model;
    final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void load() {
        backup = LocalBackup.write(dir, "vm");
        backups = new StoredBackups(backup.configFile, backup.dataDir);
        model = new RestoreViewModel(backups, new SameThread(), errors::add);
        model.load();
    }

    @AfterEach
    void close() {
        backups.close();
        assertThat(errors).as("failures reported").isEmpty();
    }

    @Test
    void listsTheStoresAndTopicsAndOpensOnTheEndOfTheFirstTopic() {
        assertThat(model.stores()).containsExactly("local");
        assertThat(model.topics()).containsExactly(new BackedUpTopic("prod", backup.orders),
                new BackedUpTopic("prod", backup.payments));
        assertThat(model.topicProperty().get().topic()).isEqualTo(backup.orders);
        BackupTimeline timeline = model.timelineProperty().get();
        assertThat(model.pointProperty().get()).isEqualTo(timeline.density().end());
        assertThat(model.cuts()).isEqualTo(LocalBackup.rows(backup.plan(backup.orders, timeline.density().end())));
    }

    @Test
    void opensOnTheTopicOfTheNewestOpenCriticalAlertUntilItIsAcknowledged() {
        backups.close();
        long drift;
        try (StateDatabase state = StateDatabase.open(backup.dataDir, "test")) {
            state.history().append("prod-backup", new MirrorEvent(MirrorEvent.Type.FORMAT_DRIFT,
                    LocalBackup.START.plusSeconds(400), backup.payments, -1, "payments: 38 % of records are not valid JSON"));
            drift = state.alerts().list(AlertFilter.open()).stream().filter(a -> a.type() == MirrorEvent.Type.FORMAT_DRIFT)
                    .findFirst().orElseThrow().id();
        }

        model.load();
        assertThat(model.topicProperty().get().topic()).as("the drift is the newest open critical alert").isEqualTo(backup.payments);

        backups.close();
        try (StateDatabase state = StateDatabase.open(backup.dataDir, "test")) {
            state.alerts().acknowledge(drift, "restored to 09:06:39");
        }
        model.storeProperty().set(null);
        model.load();
        assertThat(model.topicProperty().get().topic()).as("then the gap on orders is").isEqualTo(backup.orders);
    }

    @Test
    void opensWhereAnotherScreenAsksTheTopicOfTheJobAtThePointAndSaysWhenTheJobDoesNotBackItUp() {
        Instant before = LocalBackup.START.plusSeconds(150).minusMillis(1);

        model.open(new RestoreAt("prod-backup", backup.payments, before));

        assertThat(model.topicProperty().get()).isEqualTo(new BackedUpTopic("prod", backup.payments));
        assertThat(model.pointProperty().get()).isEqualTo(before);
        assertThat(model.cuts()).isEqualTo(LocalBackup.rows(backup.plan(backup.payments, before)));

        model.open(new RestoreAt("prod-backup", backup.orders, before));
        assertThat(model.topicProperty().get().topic()).isEqualTo(backup.orders);
        assertThat(model.pointProperty().get()).isEqualTo(before);

        model.open(new RestoreAt("gone", backup.orders, before));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessage("Job gone does not back up topic '"
                + backup.orders + "' (any more): pick its store and topic on the Restore screen"));
        errors.clear();
    }

    @Test
    void theHistogramCountsEveryStoredRecordOnceOverTheWholeBackup() {
        RecordDensity density = model.timelineProperty().get().density();
        assertThat(density.buckets()).isEqualTo(RestoreViewModel.BUCKETS);
        assertThat(density.total()).isEqualTo(backup.ordersStored());
        assertThat(IntStream.range(0, density.buckets()).mapToLong(density::count)).allMatch(n -> n >= 0);
        assertThat(density.start()).isBetween(LocalBackup.START, LocalBackup.START.plusSeconds(3));
        assertThat(density.end()).isAfter(LocalBackup.START.plusSeconds(480));
    }

    @Test
    void theCursorAndTheTextFieldFollowEachOther() {
        Instant at = LocalBackup.START.plusSeconds(192).plusMillis(345);
        model.pick(at.plusNanos(700_000));
        assertThat(model.pointProperty().get()).as("snapped to the millisecond").isEqualTo(at);
        assertThat(model.pointTextProperty().get()).isEqualTo("2026-12-02T09:03:12.345Z");

        model.pointTextProperty().set("2026-12-02T10:04:00.5+01:00");
        assertThat(model.pointProperty().get()).isEqualTo(Instant.parse("2026-12-02T09:04:00.500Z"));
        assertThat(model.pointTextProperty().get()).as("what was typed stays").isEqualTo("2026-12-02T10:04:00.5+01:00");
        assertThat(model.pointProblemProperty().get()).isEmpty();

        model.nudge(Duration.ofSeconds(1));
        assertThat(model.pointTextProperty().get()).isEqualTo("2026-12-02T09:04:01.500Z");
        model.nudge(Duration.ofMinutes(-1));
        assertThat(model.pointTextProperty().get()).isEqualTo("2026-12-02T09:03:01.500Z");
    }

    @Test
    void invalidOrOutOfBackupTextSaysWhyAndLeavesThePoint() {
        model.pick(LocalBackup.START.plusSeconds(60));
        Instant before = model.pointProperty().get();
        BackupTimeline timeline = model.timelineProperty().get();

        model.pointTextProperty().set("yesterday at noon");
        assertThat(model.pointProblemProperty().get()).contains("'yesterday at noon' is not a restore time");
        assertThat(model.pointProperty().get()).isEqualTo(before);

        model.pointTextProperty().set("2026-12-01T09:00:00Z");
        assertThat(model.pointProblemProperty().get()).isEqualTo("The backup covers " + PointText.format(timeline.density().start())
                + " to " + PointText.format(timeline.density().end()) + ".");
        assertThat(model.pointProperty().get()).isEqualTo(before);

        model.pick(LocalBackup.START.plusSeconds(3_600));
        assertThat(model.pointProperty().get()).as("a drag past the end stops at it").isEqualTo(timeline.density().end());
        assertThat(model.pointProblemProperty().get()).isEmpty();
    }

    @Test
    void theCutTableIsThePlannersPlanAtThePoint() {
        for (int seconds : new int[] {5, 61, 199, 333, 420}) {
            Instant at = LocalBackup.START.plusSeconds(seconds).plusMillis(seconds * 7L);
            model.pick(at);
            model.planCut();
            assertThat(model.cuts()).as("cut at %s", at).isEqualTo(LocalBackup.rows(backup.plan(backup.orders, at)));
        }
        assertThat(model.cuts()).extracting(CutRow::partition).containsExactly(0, 1, 2);
    }

    @Test
    void thePartitionsAndTheWindowStartTypedNarrowTheCutAndABadOneSaysWhyAndPlansNothing() {
        Instant at = LocalBackup.START.plusSeconds(333);
        Instant windowStart = LocalBackup.START.plusSeconds(120);
        model.pick(at);

        model.partitionsTextProperty().set("2, 0");
        model.windowStartTextProperty().set(windowStart.toString());

        assertThat(model.scopeProblemProperty().get()).isEmpty();
        assertThat(model.cuts()).isEqualTo(LocalBackup.rows(backup.plan(RestoreRequest.of("prod", backup.orders,
                new RestorePoint.AtTime(at)).withPartitions(Set.of(0, 2)).withFrom(windowStart))));
        assertThat(model.cuts()).extracting(CutRow::partition).containsExactly(0, 2);
        assertThat(model.cuts()).allSatisfy(row -> assertThat(row.records()).as("a window holds fewer records")
                .isLessThan(LocalBackup.rows(backup.plan(backup.orders, at)).get(row.partition()).records()));

        model.partitionsTextProperty().set("0, x");
        assertThat(model.scopeProblemProperty().get()).isEqualTo("Partitions: 'x' is not a partition number; give numbers"
                + " such as 0, 3 or leave it empty for all");
        assertThat(model.scopeProperty().get()).as("nothing planned that the fields do not say").isNull();
        assertThat(model.cuts()).isEmpty();

        model.partitionsTextProperty().set("");
        model.windowStartTextProperty().set(at.plusSeconds(1).toString());
        assertThat(model.cuts()).isEmpty();
        assertThat(model.planNotesProperty().get()).startsWith("The window starts at").contains("after the restore point");
    }

    @Test
    void jumpsToJustBeforeARecordedEventAndWarnsOfTheGap() {
        assertThat(model.timelineProperty().get().events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("GAP");
            assertThat(e.at()).isEqualTo(LocalBackup.GAP_AT);
        });
        model.jumpBefore(model.timelineProperty().get().events().get(0));
        model.planCut();
        assertThat(model.pointTextProperty().get()).isEqualTo("2026-12-02T09:05:30.249Z");
        assertThat(model.cuts()).isEqualTo(LocalBackup.rows(backup.plan(backup.orders, LocalBackup.GAP_AT.minusMillis(1))));
        assertThat(model.planNotesProperty().get()).contains("Partition 1 of '" + backup.orders + "' has a recorded gap",
                "Offsets 120 to 139 were deleted");
    }

    @Test
    void previewsTheLastRecordsBeforeTheCutAndTheFirstAfterItOfTheSelectedPartition() {
        Instant at = LocalBackup.START.plusSeconds(250);
        model.pick(at);
        model.planCut();
        assertThat(model.selectedCutProperty().get().partition()).as("the first partition until another is chosen").isZero();
        assertPreviewAroundCut(0);

        model.selectCut(model.cuts().get(2));
        assertPreviewAroundCut(2);
        model.pick(at.plusSeconds(30));
        model.planCut();
        assertThat(model.selectedCutProperty().get().partition()).as("kept when the point moves").isEqualTo(2);
        assertPreviewAroundCut(2);
        assertThat(model.preview()).extracting(PreviewRecord::value).first().asString().startsWith("{\"order\":");
    }

    @Test
    void aMoveReadsThePlanAndTheSelectedPartitionsPreviewInOneTaskSoTheScreenUpdatesOnce() {
        backups.close();
        int[] tasks = {0};
        SameThread sameThread = new SameThread();
        model = new RestoreViewModel(backups, new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
                tasks[0]++;
                sameThread.run(work, done, failed);
            }
        }, errors::add);
        model.load();
        model.selectCut(model.cuts().get(2));

        tasks[0] = 0;
        model.pick(LocalBackup.START.plusSeconds(250));
        model.planCut();
        assertThat(tasks[0]).as("background tasks for one move, each an update of the screen").isEqualTo(1);
        assertThat(model.selectedCutProperty().get().partition()).isEqualTo(2);
        assertPreviewAroundCut(2);
    }

    @Test
    void aPartitionSelectedWhileThePlanIsReadIsTheOneThePreviewShows() {
        backups.close();
        Deque<Runnable> queued = new ArrayDeque<>();
        SameThread sameThread = new SameThread();
        model = new RestoreViewModel(backups, new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
                queued.add(() -> sameThread.run(work, done, failed));
            }
        }, errors::add);
        model.load();
        runAll(queued);
        model.selectCut(model.cuts().get(1));
        runAll(queued);

        model.pick(LocalBackup.START.plusSeconds(250));
        model.planCut();
        model.selectCut(model.cuts().get(2));
        runAll(queued);

        assertThat(model.selectedCutProperty().get().partition()).isEqualTo(2);
        assertPreviewAroundCut(2);
    }

    private static void runAll(Deque<Runnable> queued) {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    private void assertPreviewAroundCut(int partition) {
        long cut = model.selectedCutProperty().get().cutOffset();
        List<KfsRecord> log = backup.records(backup.orders, partition);
        List<Long> before = log.stream().map(KfsRecord::offset).filter(o -> o < cut).toList();
        List<Long> after = log.stream().map(KfsRecord::offset).filter(o -> o >= cut).toList();
        List<Long> expected = new ArrayList<>(before.subList(before.size() - 5, before.size()));
        expected.addAll(after.subList(0, 5));
        assertThat(model.preview()).extracting(PreviewRecord::offset).containsExactlyElementsOf(expected);
        assertThat(model.preview()).extracting(PreviewRecord::restored).containsExactly(true, true, true, true, true,
                false, false, false, false, false);
    }

    @Test
    void showsKeysAndValuesAsTextOrHex() {
        assertThat(PreviewRecord.text("{\"id\": 7}\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("{\"id\": 7} ");
        assertThat(PreviewRecord.text(new byte[] {0, 1, (byte) 0xff})).isEqualTo("0x0001ff");
        assertThat(PreviewRecord.text(new byte[100])).startsWith("0x0000").endsWith("… (100 bytes)");
        assertThat(PreviewRecord.text(null)).isEqualTo("null");
    }

    @Test
    void anotherTopicHasItsOwnTimelineAndEvents() {
        model.topicProperty().set(new BackedUpTopic("prod", backup.payments));
        assertThat(model.timelineProperty().get().topic().topic()).isEqualTo(backup.payments);
        assertThat(model.timelineProperty().get().events()).extracting(TimelineEvent::type).containsExactly("TOPIC_DELETED");
        assertThat(model.cuts()).isEqualTo(LocalBackup.rows(backup.plan(backup.payments, model.pointProperty().get())));
    }

    @Test
    void retentionAndGroupOffsetChangesAreOnTheTimelineButAnInformationalConfigChangeIsNot() {
        recordOnPayments(MirrorEvent.Type.RETENTION_LOWERED, MirrorEvent.Type.TOPIC_CONFIG_CHANGED,
                MirrorEvent.Type.GROUP_OFFSETS_DELETED, MirrorEvent.Type.GROUP_OFFSETS_RESET);

        model.topicProperty().set(new BackedUpTopic("prod", backup.payments));

        assertThat(model.timelineProperty().get().events()).extracting(TimelineEvent::type).containsExactly(
                "RETENTION_LOWERED", "GROUP_OFFSETS_DELETED", "GROUP_OFFSETS_RESET", "TOPIC_DELETED");
    }

    @Test
    void dataPlaneShiftsThatAddRecordsToLeaveOutAreOnTheTimelineButADropAndTheEndsAreNot() {
        recordOnPayments(MirrorEvent.Type.THROUGHPUT_SPIKE, MirrorEvent.Type.THROUGHPUT_SPIKE_ENDED,
                MirrorEvent.Type.THROUGHPUT_DROP, MirrorEvent.Type.THROUGHPUT_DROP_ENDED, MirrorEvent.Type.TIMESTAMP_SKEW,
                MirrorEvent.Type.RECORD_SIZE_SHIFT, MirrorEvent.Type.RECORD_SIZE_SHIFT_ENDED,
                MirrorEvent.Type.HEADER_KEYS_CHANGED);

        model.topicProperty().set(new BackedUpTopic("prod", backup.payments));

        assertThat(model.timelineProperty().get().events()).extracting(TimelineEvent::type).containsExactly(
                "THROUGHPUT_SPIKE", "TIMESTAMP_SKEW", "RECORD_SIZE_SHIFT", "HEADER_KEYS_CHANGED", "TOPIC_DELETED");
    }

    @Test
    void aRecreatedTopicOffersItsGenerationsTheNewestShownAndTheTimelineCutAndPreviewFollowTheOneChosen() {
        assertThat(model.generations()).as("a topic never recreated: one generation, nothing to choose").hasSize(1);
        backups.close();
        UUID second = backup.recreateOrders();
        UUID first = LocalBackup.generation(backup.orders, 1);
        model.load();

        assertThat(model.generations()).extracting(TopicGeneration::topicId).containsExactly(first, second);
        assertThat(model.generationProperty().get().topicId()).as("the newest by default").isEqualTo(second);
        assertThat(model.generations().get(0).toString()).startsWith("generation 1 — topic ID " + first.toString().substring(0, 8) + "…, 2026-12-02 09:00:0")
                .endsWith(" UTC").doesNotContain("newest");
        assertThat(model.generations().get(1).toString()).startsWith("generation 2 — topic ID " + second.toString().substring(0, 8) + "…, 2026-12-02 09:20:0")
                .contains(" → 09:2").endsWith(" UTC (newest)");
        BackupTimeline newest = model.timelineProperty().get();
        assertThat(newest.density().start()).isAfterOrEqualTo(LocalBackup.RECREATED);
        assertThat(model.pointProperty().get()).isEqualTo(newest.density().end());
        assertThat(model.cuts()).isEqualTo(LocalBackup.rows(backup.plan(RestoreRequest.of("prod", backup.orders,
                new RestorePoint.AtTime(newest.density().end())).withGeneration(second))));

        model.generationProperty().set(model.generations().get(0));

        BackupTimeline older = model.timelineProperty().get();
        assertThat(older.generation().topicId()).isEqualTo(first);
        assertThat(older.density().total()).as("only the first generation's records").isEqualTo(backup.ordersStored());
        assertThat(older.density().end()).isBefore(LocalBackup.RECREATED);
        assertThat(model.pointProperty().get()).as("the point moves to the chosen generation's end").isEqualTo(older.density().end());
        Instant at = LocalBackup.START.plusSeconds(333);
        model.pick(at);
        model.planCut();
        // Before the second generation's first record: planned only because the first generation is.
        assertThat(model.cuts()).isEqualTo(LocalBackup.rows(backup.plan(RestoreRequest.of("prod", backup.orders,
                new RestorePoint.AtTime(at)).withGeneration(first))));
        assertThat(model.preview()).hasSize(2 * RestoreViewModel.PREVIEWED)
                .allSatisfy(r -> assertThat(r.timestamp()).isBefore(LocalBackup.RECREATED));

        model.topicProperty().set(new BackedUpTopic("prod", backup.payments));
        assertThat(model.generations()).hasSize(1);
        assertThat(model.generationProperty().get().topicId()).isEqualTo(LocalBackup.generation(backup.payments, 1));
    }

    /** Records events of {@code oldestFirst}'s types on the payments topic, a second apart, in the job's history. */
    private void recordOnPayments(MirrorEvent.Type... oldestFirst) {
        backups.close();
        try (StateDatabase state = StateDatabase.open(backup.dataDir, "test")) {
            for (int i = 0; i < oldestFirst.length; i++) {
                state.history().append("prod-backup", new MirrorEvent(oldestFirst[i], LocalBackup.START.plusSeconds(100 + i),
                        backup.payments, -1, "a sentence"));
            }
        }
    }
}
