package io.kafmirror.kfs.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalLockRulesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private final LocalLockRules rules = new LocalLockRules("file:/x", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void retentionProtectsUntilItsLastSecondAndNotAfter() {
        assertThatThrownBy(() -> rules.checkDelete("k", retained(RetentionMode.GOVERNANCE, NOW.plusSeconds(1))))
                .isInstanceOf(ObjectLockedException.class);
        assertThatCode(() -> rules.checkDelete("k", retained(RetentionMode.COMPLIANCE, NOW)))
                .doesNotThrowAnyException();
    }

    @Test
    void unexpiredRetentionMayOnlyBeExtendedOrStrengthened() {
        ObjectRetention governance = ObjectRetention.of(RetentionMode.GOVERNANCE, NOW.plusSeconds(60));

        assertThatCode(() -> rules.checkRetentionChange("k", governance,
                ObjectRetention.of(RetentionMode.COMPLIANCE, NOW.plusSeconds(60)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.checkRetentionChange("k", governance,
                ObjectRetention.of(RetentionMode.GOVERNANCE, NOW.plusSeconds(59))))
                .isInstanceOf(ObjectLockedException.class);
    }

    @Test
    void expiredRetentionMayBeReplacedByAnything() {
        ObjectRetention expired = ObjectRetention.of(RetentionMode.COMPLIANCE, NOW.minusSeconds(1));

        assertThatCode(() -> rules.checkRetentionChange("k", expired, ObjectRetention.NONE))
                .doesNotThrowAnyException();
    }

    private static LocalObjectAttributes retained(RetentionMode mode, Instant until) {
        return new LocalObjectAttributes(Map.of(), ObjectRetention.of(mode, until), false);
    }
}
