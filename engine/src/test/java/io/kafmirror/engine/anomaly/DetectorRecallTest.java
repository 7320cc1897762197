package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What each detector learned survives a restart in its encoded form: a burst right after the restart is judged against
 * the topic's past (where a detector learning anew would not judge it, or would take it for the usual), a steady stream
 * across many restarts raises nothing, and a state of another version or damaged is refused without a change.
 */
class DetectorRecallTest {

    private static final long T0 = Instant.parse("2026-12-02T00:00:00Z").toEpochMilli();

    private final Random random = new Random(11);

    @Test
    void aBurstOfTextRightAfterARestartIsAFormatDriftFromItsFirstRecordWhereAFreshDetectorLearnsTheTextAsUsual() {
        FormatDrift before = new FormatDrift("payments", Sensitivity.NORMAL);
        long t = T0;
        for (int i = 0; i < 1_000; i++) {
            assertThat(before.observe(i % 3, t++, PayloadFormat.JSON)).isEmpty();
        }
        FormatDrift recalled = new FormatDrift("payments", Sensitivity.NORMAL);
        recalled.recall(before.learned().orElseThrow());
        FormatDrift fresh = new FormatDrift("payments", Sensitivity.NORMAL);
        List<FormatDrift.Finding> findings = new ArrayList<>();
        List<FormatDrift.Finding> freshFindings = new ArrayList<>();
        long burst = t + 30;
        for (int i = 0; i < 530; i++) {
            PayloadFormat format = t < burst ? PayloadFormat.JSON : PayloadFormat.TEXT;
            findings.addAll(recalled.observe(i % 3, t, format));
            freshFindings.addAll(fresh.observe(i % 3, t, format));
            t++;
        }

        assertThat(findings).first().satisfies(f -> {
            assertThat(f.beginning()).isTrue();
            assertThat(f.at()).isEqualTo(Instant.ofEpochMilli(burst));
            assertThat(f.message()).contains("are not valid JSON");
        });
        assertThat(freshFindings).as("learning anew, the burst is the usual").isEmpty();
        assertThat(fresh.usual()).hasValue(PayloadFormat.TEXT);
    }

    @Test
    void aSpikeRightAfterARestartIsJudgedFromItsFirstBucketWhereAFreshDetectorIsStillLearning() {
        ThroughputShift before = new ThroughputShift("orders", Sensitivity.NORMAL);
        long[] time = {T0};
        List<ThroughputShift.Finding> findings = new ArrayList<>();
        produce(before, time, 1_200, 20, findings);
        assertThat(findings).isEmpty();
        ThroughputShift recalled = new ThroughputShift("orders", Sensitivity.NORMAL);
        recalled.recall(before.learned().orElseThrow());
        ThroughputShift fresh = new ThroughputShift("orders", Sensitivity.NORMAL);
        List<ThroughputShift.Finding> freshFindings = new ArrayList<>();
        long[] freshTime = {time[0]};

        produce(recalled, time, 30, 20, findings);
        long spike = time[0];
        produce(recalled, time, 60, 400, findings);
        produce(fresh, freshTime, 30, 20, freshFindings);
        produce(fresh, freshTime, 60, 400, freshFindings);

        assertThat(findings).first().satisfies(f -> {
            assertThat(f.direction()).isEqualTo(ThroughputShift.Direction.SPIKE);
            assertThat(f.at()).isEqualTo(Instant.ofEpochMilli(spike));
        });
        assertThat(freshFindings).as("10 minutes to learn first").isEmpty();
    }

    @Test
    void aSteadyStreamRestartedEveryFewMinutesRaisesNothingInAnyDetector() {
        List<Object> findings = new ArrayList<>();
        Restarting<FormatDrift> formats = new Restarting<>(() -> new FormatDrift("t", Sensitivity.NORMAL),
                FormatDrift::learned, FormatDrift::recall);
        Restarting<SizeShift> sizes = new Restarting<>(() -> new SizeShift("t", Sensitivity.NORMAL), SizeShift::learned,
                SizeShift::recall);
        Restarting<KeyCardinalityShift> keys = new Restarting<>(() -> new KeyCardinalityShift("t", Sensitivity.NORMAL),
                KeyCardinalityShift::learned, KeyCardinalityShift::recall);
        Restarting<HeaderKeyChange> headers = new Restarting<>(() -> new HeaderKeyChange("t"), HeaderKeyChange::learned,
                HeaderKeyChange::recall);
        Restarting<TimestampSkew> skew = new Restarting<>(() -> new TimestampSkew("t", Sensitivity.NORMAL),
                TimestampSkew::learned, TimestampSkew::recall);
        long t = T0;
        for (int i = 0; i < 30_000; i++) {
            if (i % 3_000 == 2_999) {
                List.of(formats, sizes, keys, headers, skew).forEach(Restarting::restart);
            }
            t += 1 + random.nextInt(20);
            int partition = i % 3;
            findings.addAll(formats.now().observe(partition, t, random.nextInt(200) == 0 ? PayloadFormat.TEXT : PayloadFormat.JSON));
            sizes.now().observe(t, (int) (300 * Math.exp(0.3 * random.nextGaussian()))).ifPresent(findings::add);
            keys.now().observe(t, ("customer-" + random.nextInt(5_000)).getBytes()).ifPresent(findings::add);
            headers.now().observe(t, random.nextInt(50) == 0 ? List.of("traceparent", "retry") : List.of("traceparent"))
                    .ifPresent(findings::add);
            skew.now().observe(partition, t - random.nextInt(2_000), t + 300).ifPresent(findings::add);
        }
        Restarting<ThroughputShift> rate = new Restarting<>(() -> new ThroughputShift("t", Sensitivity.NORMAL),
                ThroughputShift::learned, ThroughputShift::recall);
        long[] time = {T0};
        for (int hour = 0; hour < 3; hour++) {
            for (int part = 0; part < 6; part++) {
                produce(rate.now(), time, 600, 50, findings);
                rate.restart();
            }
        }
        Restarting<LagSpike> lag = new Restarting<>(() -> new LagSpike("job", Sensitivity.NORMAL, Duration.ofSeconds(5)),
                LagSpike::learned, LagSpike::recall);
        for (int s = 0; s < 2_000; s++) {
            if (s % 30 == 29) {
                lag.restart();
            }
            lag.now().observe(Instant.ofEpochMilli(T0 + s * 10_000L), List.of(new LagSpike.PartitionLag("t", 0,
                    (long) (200 * Math.exp(0.5 * random.nextGaussian())), 1 + random.nextDouble()))).ifPresent(findings::add);
        }

        assertThat(findings).as("false positives across restarts").isEmpty();
        assertThat(formats.restarts).as("restarts with a state recalled").isEqualTo(10);
    }

    @Test
    void aStateOfAnotherVersionOrDamagedIsRefusedNamingTheDetectorAndChangesNothing() {
        FormatDrift drift = new FormatDrift("payments", Sensitivity.NORMAL);
        for (int i = 0; i < 1_000; i++) {
            drift.observe(0, T0 + i, PayloadFormat.JSON);
        }
        byte[] state = drift.learned().orElseThrow();
        byte[] newer = state.clone();
        newer[0] = 42;

        assertThatThrownBy(() -> drift.recall(newer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The learned state of the format drift detector is of encoding version 42; this kaf-mirror reads version 1");
        assertThatThrownBy(() -> drift.recall(java.util.Arrays.copyOf(state, state.length - 2)))
                .hasMessageContaining("cannot be read: it is cut off");
        assertThatThrownBy(() -> drift.recall(new byte[]{1, (byte) 0xFF, (byte) 0xFF, 0x7F}))
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> new SizeShift("t", Sensitivity.NORMAL).recall(new byte[]{1, 100}))
                .hasMessageContaining("record size detector cannot be read: a count of 100 where at most 60 fits");
        assertThatThrownBy(() -> new HeaderKeyChange("t").recall(new byte[0])).hasMessageContaining("it is empty");
        assertThat(drift.learned()).hasValueSatisfying(s -> assertThat(s).isEqualTo(state));
    }

    /** A detector that is restarted: a new instance takes up what the previous one learned. */
    private static final class Restarting<D> {
        private final Supplier<D> create;
        private final java.util.function.Function<D, Optional<byte[]>> learned;
        private final java.util.function.BiConsumer<D, byte[]> recall;
        private D detector;
        int restarts;

        Restarting(Supplier<D> create, java.util.function.Function<D, Optional<byte[]>> learned,
                   java.util.function.BiConsumer<D, byte[]> recall) {
            this.create = create;
            this.learned = learned;
            this.recall = recall;
            this.detector = create.get();
        }

        D now() {
            return detector;
        }

        void restart() {
            Optional<byte[]> state = learned.apply(detector);
            detector = create.get();
            state.ifPresent(s -> {
                recall.accept(detector, s);
                restarts++;
            });
        }
    }

    /** {@code seconds} of about {@code perSecond} records a second over three partitions, read 300 ms after written. */
    private void produce(ThroughputShift shift, long[] time, int seconds, double perSecond, List<? super ThroughputShift.Finding> into) {
        for (int s = 0; s < seconds; s++) {
            double expected = perSecond / 3;
            for (int p = 0; p < 3; p++) {
                int records = (int) Math.max(0, Math.round(expected + Math.sqrt(expected) * random.nextGaussian()));
                if (records > 0) {
                    into.addAll(shift.observe(p, time[0], time[0] + 999, records, time[0] + 1_300));
                }
            }
            time[0] += 1_000;
            into.addAll(shift.tick(time[0] + 300));
        }
    }

}
