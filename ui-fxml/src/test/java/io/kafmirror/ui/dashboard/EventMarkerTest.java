package io.kafmirror.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.Severity;
import io.kafmirror.engine.state.HistoryEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the Dashboard colours the control-plane and data-plane anomalies the engine records. */
class EventMarkerTest {

    @Test
    void aSourceDeletingSoonerOrAGroupLosingItsOffsetsIsRedAResetAWarningAnotherConfigChangeInformation() {
        assertThat(severity(MirrorEvent.Type.RETENTION_LOWERED)).isEqualTo(Severity.CRITICAL);
        assertThat(severity(MirrorEvent.Type.GROUP_OFFSETS_DELETED)).isEqualTo(Severity.CRITICAL);
        assertThat(severity(MirrorEvent.Type.GROUP_OFFSETS_RESET)).isEqualTo(Severity.WARNING);
        assertThat(severity(MirrorEvent.Type.TOPIC_CONFIG_CHANGED)).isEqualTo(Severity.INFO);
    }

    @Test
    void aThroughputSpikeIsRedOtherDataPlaneShiftsWarningsTheirEndsInformation() {
        assertThat(severity(MirrorEvent.Type.THROUGHPUT_SPIKE)).isEqualTo(Severity.CRITICAL);
        assertThat(severity(MirrorEvent.Type.THROUGHPUT_DROP)).isEqualTo(Severity.WARNING);
        assertThat(severity(MirrorEvent.Type.TIMESTAMP_SKEW)).isEqualTo(Severity.WARNING);
        assertThat(severity(MirrorEvent.Type.RECORD_SIZE_SHIFT)).isEqualTo(Severity.WARNING);
        assertThat(severity(MirrorEvent.Type.HEADER_KEYS_CHANGED)).isEqualTo(Severity.WARNING);
        assertThat(severity(MirrorEvent.Type.RECORD_SIZE_SHIFT_ENDED)).isEqualTo(Severity.INFO);
        assertThat(severity(MirrorEvent.Type.THROUGHPUT_SPIKE_ENDED)).isEqualTo(Severity.INFO);
        assertThat(severity(MirrorEvent.Type.THROUGHPUT_DROP_ENDED)).isEqualTo(Severity.INFO);
    }

    private static Severity severity(MirrorEvent.Type type) {
        return EventMarker.of(new HistoryEntry(1, "orders", Instant.parse("2026-12-03T09:14:05Z"), type.name(), "orders", -1,
                "engine", "a sentence", null)).severity();
    }
}
