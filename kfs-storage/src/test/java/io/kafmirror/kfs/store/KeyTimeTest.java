package io.kafmirror.kfs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyTimeTest {

    private static final Instant TIME = Instant.parse("2026-11-25T09:13:07.123456Z");

    @Test
    void foldersAndStampAreUtcAndFixedWidth() {
        assertThat(KeyTime.dayFolder(TIME)).isEqualTo("2026/11/25");
        assertThat(KeyTime.hourFolder(TIME)).isEqualTo("2026/11/25/09");
        assertThat(KeyTime.stamp(TIME)).isEqualTo("20261125T091307.123Z").matches(KeyTime.STAMP_REGEX);
        assertThat(KeyTime.stamp(Instant.EPOCH)).isEqualTo("19700101T000000.000Z");
    }

    @Test
    void aStampReadsBackAsTheMillisecondItStandsFor() {
        assertThat(KeyTime.parseStamp(KeyTime.stamp(TIME))).isEqualTo(KeyTime.keyable(TIME))
                .isEqualTo(Instant.parse("2026-11-25T09:13:07.123Z"));
    }

    @Test
    void timesThatWouldChangeTheWidthAreRefused() {
        assertThatThrownBy(() -> KeyTime.keyable(Instant.parse("1969-12-31T23:59:59.999Z")))
                .hasMessageContaining("outside years 1970 to 9999");
        assertThatThrownBy(() -> KeyTime.keyable(Instant.parse("+10000-01-01T00:00:00Z")))
                .hasMessageContaining("outside years 1970 to 9999");
        assertThat(KeyTime.keyable(Instant.parse("9999-12-31T23:59:59.999Z"))).isNotNull();
    }
}
