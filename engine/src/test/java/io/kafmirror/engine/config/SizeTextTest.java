package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizeTextTest {

    @Test
    void readsBinaryUnitsAndPlainBytes() {
        assertThat(SizeText.parse("16MiB")).isEqualTo(16L * 1024 * 1024);
        assertThat(SizeText.parse("512KiB")).isEqualTo(512L * 1024);
        assertThat(SizeText.parse("1GiB")).isEqualTo(1L << 30);
        assertThat(SizeText.parse("2TiB")).isEqualTo(2L << 40);
        assertThat(SizeText.parse("1048576")).isEqualTo(1_048_576L);
        assertThat(SizeText.parse("100B")).isEqualTo(100L);
        assertThat(SizeText.parse(" 16 mib ")).isEqualTo(16L * 1024 * 1024);
        assertThat(SizeText.parse("0")).isZero();
    }

    @Test
    void writesTheLargestExactUnit() {
        assertThat(SizeText.format(16L * 1024 * 1024)).isEqualTo("16MiB");
        assertThat(SizeText.format(1536L * 1024)).isEqualTo("1536KiB");
        assertThat(SizeText.format(1000)).isEqualTo("1000");
        assertThat(SizeText.format(0)).isEqualTo("0");
        assertThat(SizeText.format(5L << 40 << 10)).isEqualTo("5120TiB");
    }

    @Test
    void refusesDecimalUnitsAndSuggestsTheBinaryOne() {
        assertThatThrownBy(() -> SizeText.parse("16MB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'16MB'").hasMessageContaining("did you mean MiB");
        assertThatThrownBy(() -> SizeText.parse("1g")).hasMessageContaining("did you mean GiB");
    }

    @Test
    void explainsWhatASizeLooksLike() {
        assertThatThrownBy(() -> SizeText.parse("1.5GiB")).hasMessageContaining("'1.5GiB' is not a size")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> SizeText.parse("-1")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> SizeText.parse("")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> SizeText.parse("16 parsecs")).hasMessageContaining("unknown size unit 'parsecs'");
    }

    @Test
    void refusesSizesBeyondALong() {
        assertThatThrownBy(() -> SizeText.parse("8388608TiB")).hasMessageContaining("too large");
        assertThatThrownBy(() -> SizeText.parse("99999999999999999999")).hasMessageContaining("too large");
        assertThat(SizeText.parse("8388607TiB")).isEqualTo(8388607L << 40);
    }
}
