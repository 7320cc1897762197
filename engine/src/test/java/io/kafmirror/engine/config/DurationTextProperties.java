package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class DurationTextProperties {

    @Property
    void formattingThenParsingGivesTheSameDuration(@ForAll @LongRange(min = 0, max = 3_153_600_000_000L) long seconds,
                                                   @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Duration duration = Duration.ofSeconds(seconds, nanos);
        assertThat(DurationText.parse(DurationText.format(duration))).isEqualTo(duration);
    }

    @Property
    void wholeMillisecondsAreWrittenInShortUnits(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long millis) {
        assertThat(DurationText.format(Duration.ofMillis(millis))).matches("(\\d+(d|h|m|s|ms))+");
    }
}
