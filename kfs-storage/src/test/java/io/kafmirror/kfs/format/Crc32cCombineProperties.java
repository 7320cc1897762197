package io.kafmirror.kfs.format;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class Crc32cCombineProperties {

    @Property(tries = 300)
    void combiningTheCrcsOfTwoPartsGivesTheCrcOfTheWhole(@ForAll @Size(max = 9000) byte[] bytes,
                                                        @ForAll @IntRange(min = 0, max = 9000) int cut) {
        int split = Math.min(cut, bytes.length);
        int a = Crc32c.of(bytes, 0, split);
        int b = Crc32c.of(bytes, split, bytes.length - split);

        assertThat(Crc32c.combine(a, b, bytes.length - split)).isEqualTo(Crc32c.of(bytes, 0, bytes.length));
    }

    // Lengths no array can hold still combine consistently: grouping the parts differently changes nothing.
    @Property(tries = 300)
    void combiningIsAssociativeForAnyLength(@ForAll int a, @ForAll int b, @ForAll int c,
                                            @ForAll @LongRange(max = Long.MAX_VALUE / 2) long lengthB,
                                            @ForAll @LongRange(max = Long.MAX_VALUE / 2) long lengthC) {
        int left = Crc32c.combine(Crc32c.combine(a, b, lengthB), c, lengthC);
        int right = Crc32c.combine(a, Crc32c.combine(b, c, lengthC), lengthB + lengthC);

        assertThat(left).isEqualTo(right);
    }
}
