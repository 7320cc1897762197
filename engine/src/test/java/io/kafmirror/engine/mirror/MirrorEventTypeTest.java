package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.mirror.MirrorEvent.Type;
import org.junit.jupiter.api.Test;

class MirrorEventTypeTest {

    @Test
    void lostDataIsCriticalAndFollowingTheSourceIsRoutine() {
        assertThat(Type.GAP.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(Type.RETENTION_LOWERED.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(Type.GROUP_OFFSETS_RESET.severity()).isEqualTo(Severity.WARNING);
        assertThat(Type.TOPIC_CONFIG_CHANGED.severity()).isEqualTo(Severity.INFO);
        assertThat(Type.TOPIC_CONFIG_CHANGED.anomaly()).isTrue();
        assertThat(Type.TOPIC_ADDED.anomaly()).isFalse();
        assertThat(Type.STORE_RECOVERED.anomaly()).isFalse();
        assertThat(Type.FORMAT_DRIFT_ENDED.anomaly()).isFalse();
    }

    @Test
    void everyCriticalOrWarningTypeIsAnAnomaly() {
        for (Type type : Type.values()) {
            if (type.severity() != Severity.INFO) {
                assertThat(type.anomaly()).as(type.name()).isTrue();
            }
        }
    }

    @Test
    void aTypeIsFoundByNameAndAnUnknownOneListsTheTypes() {
        assertThat(Type.named(" format_drift")).isEqualTo(Type.FORMAT_DRIFT);
        assertThatThrownBy(() -> Type.named("DRIFT")).hasMessageContaining("no event type 'DRIFT'").hasMessageContaining("FORMAT_DRIFT");
    }
}
