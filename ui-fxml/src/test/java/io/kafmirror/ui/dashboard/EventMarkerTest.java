package io.kafmirror.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.HistoryEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the Dashboard colours the control-plane and data-plane anomalies the engine records. */
class EventMarkerTest {

    @Test
    void aSourceDeletingSoonerOrAGroupLosingItsOffsetsIsRedAResetAWarningAnotherConfigChangeInformation() {
        assertThat(severity(MirrorEvent.Type.RETENTION_LOWERED)).isEqualTo(EventMarker.Severity.ERROR);
        assertThat(severity(MirrorEvent.Type.GROUP_OFFSETS_DELETED)).isEqualTo(EventMarker.Severity.ERROR);
        assertThat(severity(MirrorEvent.Type.GROUP_OFFSETS_RESET)).isEqualTo(EventMarker.Severity.WARNING);
        assertThat(severity(MirrorEvent.Type.TOPIC_CONFIG_CHANGED)).isEqualTo(EventMarker.Severity.INFO);
    }

    @Test
    void aThroughputSpikeIsRedOtherDataPlaneShiftsWarningsTheirEndsInformation() {
        assertThat(severity(MirrorEvent.Type.THROUGHPUT_SPIKE)).isEqualTo(EventMarker.Severity.ERROR);
        assertThat(severity(MirrorEvent.Type.THROUGHPUT_DROP)).isEqualTo(EventMarker.Severity.WARNING);
        assertThat(severity(MirrorEvent.Type.TIMESTAMP_SKEW)).isEqualTo(EventMarker.Severity.WARNING);
        assertThat(severity(MirrorEvent.Type.RECORD_SIZE_SHIFT)).isEqualTo(EventMarker.Severity.WARNING);
        assertThat(severity(MirrorEvent.Type.HEADER_KEYS_CHANGED)).isEqualTo(EventMarker.Severity.WARNING);
        assertThat(severity(MirrorEvent.Type.RECORD_SIZE_SHIFT_ENDED)).isEqualTo(EventMarker.Severity.INFO);
        assertThat(severity(MirrorEvent.Type.THROUGHPUT_SPIKE_ENDED)).isEqualTo(EventMarker.Severity.INFO);
        assertThat(severity(MirrorEvent.Type.THROUGHPUT_DROP_ENDED)).isEqualTo(EventMarker.Severity.INFO);
    }

    private static EventMarker.Severity severity(MirrorEvent.Type type) {
        return EventMarker.of(new HistoryEntry(1, "orders", Instant.parse("2026-12-03T09:14:05Z"), type.name(), "orders", -1,
                "engine", "a sentence", null)).severity();
    }
}
