package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SizeTextProperties {

    @Property
    void formattingThenParsingGivesTheSameSize(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long bytes) {
        assertThat(SizeText.parse(SizeText.format(bytes))).isEqualTo(bytes);
    }

    @Property
    void aWholeNumberOfUnitsIsWrittenInThatUnitOrLarger(@ForAll @IntRange(min = 1, max = 1_000_000) int mebibytes) {
        String text = SizeText.format(mebibytes * 1024L * 1024);
        assertThat(text).matches("\\d+(MiB|GiB|TiB)");
    }
}
