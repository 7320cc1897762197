package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SizeShiftTest {

    private static final long T0 = Instant.parse("2026-12-02T09:00:00Z").toEpochMilli();

    private final SizeShift sizes = new SizeShift("orders", Sensitivity.NORMAL);
    private final List<SizeShift.Finding> findings = new ArrayList<>();
    private final Random random = new Random(5);
    private long time = T0;

    @Test
    void twoHundredThousandRecordsOfUsualSizesWithADriftingMixRaiseNothing() {
        // Sizes spread by a lognormal factor around a median that drifts by a third over the stream.
        for (int i = 0; i < 200_000; i++) {
            observe(300 * (1 + Math.sin(i / 30_000.0) / 3));
        }

        assertThat(findings).as("false positives in 2,000 windows").isEmpty();
    }

    @Test
    void valuesTenTimesLargerAreAShiftFromTheFirstOfThemAndEndWhenUsualAgain() {
        usual(3_050);
        long first = time + 10;
        for (int i = 0; i < 500; i++) {
            observe(3_000);
        }
        long last = time;
        usual(1_000);

        assertThat(findings).hasSize(2);
        SizeShift.Finding began = findings.get(0);
        assertThat(began.beginning()).isTrue();
        assertThat(began.at()).isEqualTo(Instant.ofEpochMilli(first));
        assertThat(began.suggestedRestorePoint()).isEqualTo(Instant.ofEpochMilli(first - 1));
        assertThat(began.message()).matches("orders: record values are [\\d.]+ (bytes|KiB) in the median since "
                + Instant.ofEpochMilli(first) + ", usually \\d+ bytes–\\d+ bytes\\. The last instant before it: "
                + Instant.ofEpochMilli(first - 1) + "\\.");
        SizeShift.Finding ended = findings.get(1);
        assertThat(ended.beginning()).isFalse();
        assertThat(ended.at()).isEqualTo(Instant.ofEpochMilli(last));
        assertThat(ended.message()).contains("in the median again, as usual");
    }

    @Test
    void emptiedValuesAreAShiftDown() {
        usual(3_000);
        long first = time + 10;
        for (int i = 0; i < 300; i++) {
            observe(12);
        }

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.at()).isEqualTo(Instant.ofEpochMilli(first));
            assertThat(f.message()).matches("orders: record values are 1\\d bytes in the median since .*");
        });
    }

    @Test
    void aHighSensitivityReportsAShiftOnANoisyTopicThatNormalAndLowLeaveAlone() {
        assertThat(shiftsSeen(Sensitivity.HIGH)).isEqualTo(1);
        assertThat(shiftsSeen(Sensitivity.NORMAL)).isZero();
        assertThat(shiftsSeen(Sensitivity.LOW)).isZero();
    }

    @Test
    void tombstonesAreNotRecords() {
        usual(3_000);
        for (int i = 0; i < 1_000; i++) {
            time += 10;
            sizes.observe(time, -1).ifPresent(findings::add);
        }

        assertThat(findings).isEmpty();
    }

    /** Shifts {@code level} reports when windows of a median anywhere from 50 to 800 bytes are followed by 30 KB values. */
    private static long shiftsSeen(Sensitivity level) {
        SizeShift watch = new SizeShift("orders", level);
        Random noise = new Random(11);
        List<SizeShift.Finding> seen = new ArrayList<>();
        long t = T0;
        for (int window = 0; window < 80; window++) {
            int median = (int) (50 * Math.exp(noise.nextDouble() * Math.log(16)));
            for (int i = 0; i < 100; i++) {
                t += 10;
                watch.observe(t, median).ifPresent(seen::add);
            }
        }
        for (int i = 0; i < 300; i++) {
            t += 10;
            watch.observe(t, 30_000).ifPresent(seen::add);
        }
        return seen.stream().filter(SizeShift.Finding::beginning).count();
    }

    private void usual(int records) {
        for (int i = 0; i < records; i++) {
            observe(300);
        }
    }

    /** One record around {@code median} bytes, spread by a lognormal factor as JSON events of one kind are. */
    private void observe(double median) {
        time += 10;
        sizes.observe(time, (int) Math.round(median * Math.exp(0.5 * random.nextGaussian()))).ifPresent(findings::add);
    }
}
