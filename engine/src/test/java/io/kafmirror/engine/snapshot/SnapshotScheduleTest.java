package io.kafmirror.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.ObjectRetention;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the next round of snapshots is due, from what the store already holds and the rounds taken since. */
class SnapshotScheduleTest {

    private static final Duration INTERVAL = JobConfig.DEFAULT_SNAPSHOT_INTERVAL;
    private static final Instant T = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path root;
    LocalSegmentStore store;
    SnapshotHistory history;

    @BeforeEach
    void openStore() {
        store = new LocalSegmentStore(root);
        history = new SnapshotHistory(store, "prod");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aFirstRoundIsDueAtOnce() {
        SnapshotSchedule schedule = SnapshotSchedule.resume(history, INTERVAL, T);
        assertThat(schedule.isDue(T)).isTrue();
        assertThat(schedule.dueIn(T)).isZero();
    }

    @Test
    void theLatestStoredSnapshotOfEitherKindCountsAsTheLastRound() {
        SnapshotWriter writer = new SnapshotWriter(store, "prod", "before-restart", at -> ObjectRetention.NONE);
        writer.write(new TopicsSnapshot(List.of()), T.minus(Duration.ofMinutes(9)));
        writer.write(new GroupOffsetsSnapshot(List.of()), T.minus(Duration.ofMinutes(1)));

        SnapshotSchedule schedule = SnapshotSchedule.resume(history, INTERVAL, T);

        assertThat(schedule.dueIn(T)).isEqualTo(Duration.ofMinutes(4));
        assertThat(schedule.isDue(T.plus(Duration.ofMinutes(4)))).isTrue();
    }

    @Test
    void eachRoundTakenStartsAnotherInterval() {
        SnapshotSchedule schedule = SnapshotSchedule.resume(history, INTERVAL, T);
        schedule.taken(T.plusSeconds(2));

        assertThat(schedule.isDue(T.plusSeconds(2).plus(INTERVAL).minusMillis(1))).isFalse();
        assertThat(schedule.isDue(T.plusSeconds(2).plus(INTERVAL))).isTrue();
        assertThat(schedule.dueIn(T.plus(Duration.ofHours(1)))).isZero();
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> SnapshotSchedule.resume(history, Duration.ZERO, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The snapshot interval must be positive, not PT0S");
    }
}
