package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsShortUnits() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse(" 1m 30s ")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("0s")).isZero();
    }

    @Test
    void readsIso8601() {
        assertThat(DurationText.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("P30D")).isEqualTo(Duration.ofDays(30));
        assertThat(DurationText.parse("pt1.5s")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void writesUnitsLargestFirst() {
        assertThat(DurationText.format(Duration.ofDays(2555))).isEqualTo("2555d");
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationText.format(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
    }

    @Test
    void explainsWhatADurationLooksLike() {
        assertThatThrownBy(() -> DurationText.parse("30")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'30' is not a duration").hasMessageContaining("30s");
        assertThatThrownBy(() -> DurationText.parse("30 sec")).hasMessageContaining("'30 sec' is not a duration");
        assertThatThrownBy(() -> DurationText.parse("5M")).hasMessageContaining("'5M' is not a duration");
        assertThatThrownBy(() -> DurationText.parse("-5s")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> DurationText.parse("PT-5S")).hasMessageContaining("negative");
        assertThatThrownBy(() -> DurationText.parse("P5X")).hasMessageContaining("not an ISO-8601 duration");
        assertThatThrownBy(() -> DurationText.parse("999999999999999999d")).hasMessageContaining("too long");
    }
}
