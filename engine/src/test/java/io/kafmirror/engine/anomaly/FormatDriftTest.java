package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormatDriftTest {

    private static final long T0 = Instant.parse("2026-12-02T09:00:00Z").toEpochMilli();

    private final FormatDrift drift = new FormatDrift("payments", Sensitivity.NORMAL);
    private final List<FormatDrift.Finding> findings = new ArrayList<>();
    private long clock = T0;

    @Test
    void aBurstOfNonJsonIsFlaggedFromItsFirstRecordAndEndsWhenJsonIsBack() {
        feed(3, 2_000, PayloadFormat.JSON);
        long firstBad = clock + 10;
        feed(3, 400, PayloadFormat.BINARY);
        long lastBad = clock;
        feed(3, 1_000, PayloadFormat.JSON);

        assertThat(findings).hasSize(2);
        FormatDrift.Finding began = findings.get(0);
        assertThat(began.beginning()).isTrue();
        assertThat(began.at()).isEqualTo(Instant.ofEpochMilli(firstBad));
        assertThat(began.suggestedRestorePoint()).isEqualTo(Instant.ofEpochMilli(firstBad - 1));
        assertThat(began.partitions()).containsExactly(0, 1, 2);
        assertThat(began.message()).isEqualTo("payments: 100 % of records since " + Instant.ofEpochMilli(firstBad)
                + " are not valid JSON; before, 0 %. The last instant before it: " + Instant.ofEpochMilli(firstBad - 1) + ".");
        FormatDrift.Finding ended = findings.get(1);
        assertThat(ended.beginning()).isFalse();
        assertThat(ended.at()).isEqualTo(Instant.ofEpochMilli(lastBad));
        assertThat(ended.began()).isEqualTo(began.at());
        assertThat(ended.message()).startsWith("payments: records are valid JSON again; 400 of the ")
                .contains("between " + Instant.ofEpochMilli(firstBad) + " and " + Instant.ofEpochMilli(lastBad));
    }

    @Test
    void aBurstThatBeganJustBeforeAWindowClosedIsDatedFromItsFirstRecord() {
        feed(1, FormatDrift.WINDOW * FormatDrift.LEARNING_WINDOWS + FormatDrift.WINDOW - 2, PayloadFormat.JSON);
        long firstBad = clock + 10;
        feed(1, 300, PayloadFormat.TEXT);

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.at()).isEqualTo(Instant.ofEpochMilli(firstBad)));
    }

    @Test
    void aBurstAmongTheFirstRecordsABackupReadsIsFlaggedToo() {
        // A backup started on an existing topic reads one partition's history after the other.
        long firstBad = T0 + 3_000;
        for (int partition = 0; partition < 3; partition++) {
            for (int i = 0; i < 800; i++) {
                long timestamp = T0 + i * 10L;
                boolean bad = timestamp >= firstBad && timestamp < firstBad + 1_000;
                findings.addAll(drift.observe(partition, timestamp, bad ? PayloadFormat.BINARY : PayloadFormat.JSON));
            }
        }

        assertThat(drift.usual()).contains(PayloadFormat.JSON);
        // One incident: seen again in each partition, it goes on rather than beginning anew.
        assertThat(findings).filteredOn(FormatDrift.Finding::beginning).singleElement()
                .satisfies(f -> assertThat(f.at()).isEqualTo(Instant.ofEpochMilli(firstBad)));
        FormatDrift.Finding last = findings.get(findings.size() - 1);
        assertThat(last.beginning()).isFalse();
        assertThat(last.at()).isEqualTo(Instant.ofEpochMilli(firstBad + 990));
        assertThat(last.partitions()).containsExactly(0, 1, 2);
        assertThat(last.message()).contains("300 of the ");
    }

    @Test
    void aPartlyCorruptStreamIsFlaggedWithItsShareAndTheShareBefore() {
        Random random = new Random(7);
        for (int i = 0; i < 3_000; i++) {
            observe(i % 4, random.nextDouble() < 0.01 ? PayloadFormat.TEXT : PayloadFormat.JSON);
        }
        long corruptFrom = clock + 10;
        for (int i = 0; i < 500; i++) {
            observe(i % 4, random.nextDouble() < 0.38 ? PayloadFormat.BINARY : PayloadFormat.JSON);
        }

        FormatDrift.Finding began = findings.get(0);
        assertThat(began.at()).isBetween(Instant.ofEpochMilli(corruptFrom), Instant.ofEpochMilli(corruptFrom + 100 * 10));
        assertThat(began.message()).containsPattern("payments: [34]\\d % of records since .* are not valid JSON; before, [01] %");
    }

    @Test
    void aSteadyStreamWithItsUsualNoiseRaisesNothing() {
        Random random = new Random(42);
        // A day of a topic at ~2 records/s: mostly JSON, now and then a plain-text record or a burst of a few.
        for (int i = 0; i < 200_000; i++) {
            double roll = random.nextDouble();
            observe(random.nextInt(6), roll < 0.005 ? PayloadFormat.TEXT : PayloadFormat.JSON);
            if (roll > 0.9995) {
                feed(1, 3, PayloadFormat.TEXT);
            }
        }
        assertThat(drift.usual()).contains(PayloadFormat.JSON);
        assertThat(findings).isEmpty();
    }

    @Test
    void topicsOfOpaqueBytesOrMixedFormatsAreNotJudgedOnJson() {
        FormatDrift opaque = new FormatDrift("blobs", Sensitivity.NORMAL);
        Random random = new Random(1);
        for (int i = 0; i < 5_000; i++) {
            assertThat(opaque.observe(0, T0 + i, random.nextBoolean() ? PayloadFormat.BINARY : PayloadFormat.JSON)).isEmpty();
        }
        assertThat(opaque.usual()).isEmpty();

        for (int i = 0; i < 1_000; i++) {
            observe(0, i % 3 == 0 ? PayloadFormat.JSON : PayloadFormat.TEXT);
        }
        assertThat(drift.usual()).contains(PayloadFormat.TEXT);
        feed(1, 500, PayloadFormat.JSON);
        assertThat(findings).isEmpty();
    }

    @Test
    void tombstonesAreNotRecords() {
        feed(1, 1_000, PayloadFormat.SCHEMA_REGISTRY);
        for (int i = 0; i < 1_000; i++) {
            observe(0, null);
        }
        assertThat(drift.usual()).contains(PayloadFormat.SCHEMA_REGISTRY);
        assertThat(findings).isEmpty();
    }

    private void feed(int partitions, int count, PayloadFormat format) {
        for (int i = 0; i < count; i++) {
            observe(i % partitions, format);
        }
    }

    private void observe(int partition, PayloadFormat format) {
        clock += 10;
        findings.addAll(drift.observe(partition, clock, format));
    }
}
