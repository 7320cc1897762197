package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderKeyChangeTest {

    private static final long T0 = Instant.parse("2026-12-02T09:00:00Z").toEpochMilli();

    private final HeaderKeyChange headers = new HeaderKeyChange("orders");
    private final List<HeaderKeyChange.Finding> findings = new ArrayList<>();
    private final Random random = new Random(3);
    private long time = T0;

    @Test
    void aHundredThousandRecordsWithOccasionalAndRareKeysRaiseNothing() {
        for (int i = 0; i < 100_000; i++) {
            List<String> keys = new ArrayList<>(List.of("traceparent", "content-type"));
            if (random.nextInt(10) == 0) {
                keys.add("retry-count");
            }
            if (random.nextInt(5_000) == 0) {
                keys.add("debug");
            }
            observe(keys);
        }

        assertThat(findings).as("false positives in 1,000 windows").isEmpty();
    }

    @Test
    void aKeyOnEveryRecordFromAnInstantIsNewFromTheFirstRecordCarryingIt() {
        usual(1_150);
        long first = time + 10;
        for (int i = 0; i < 300; i++) {
            observe(List.of("traceparent", "content-type", "x-forwarded-by"));
        }

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.added()).containsExactly("x-forwarded-by");
            assertThat(f.gone()).isEmpty();
            assertThat(f.at()).isEqualTo(Instant.ofEpochMilli(first));
            assertThat(f.suggestedRestorePoint()).isEqualTo(Instant.ofEpochMilli(first - 1));
            assertThat(f.message()).isEqualTo("orders: header keys changed since " + Instant.ofEpochMilli(first)
                    + ": new key \"x-forwarded-by\" on 50 of 100 records. The last instant before it: "
                    + Instant.ofEpochMilli(first - 1) + ".");
        });
    }

    @Test
    void aKeyEveryRecordCarriedMissingFromAWholeWindowIsGoneFromTheFirstRecordLackingIt() {
        usual(1_130);
        long first = time + 10;
        for (int i = 0; i < 500; i++) {
            observe(List.of("content-type"));
        }

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.gone()).containsExactly("traceparent");
            assertThat(f.at()).isEqualTo(Instant.ofEpochMilli(first));
            // "Before" is the last 1,000 records ahead of the window, 70 of which already lacked it.
            assertThat(f.message()).contains("key \"traceparent\" missing from all 100 records, before on 93 %");
        });
    }

    @Test
    void aGoneKeyIsReportedOnceAndAgainOnlyOnceItIsUsualAgain() {
        usual(1_000);
        for (int i = 0; i < 300; i++) {
            observe(List.of("content-type"));
        }
        usual(100);
        for (int i = 0; i < 100; i++) {
            observe(List.of("content-type"));
        }
        assertThat(findings).hasSize(1);

        usual(1_000);
        for (int i = 0; i < 100; i++) {
            observe(List.of("content-type"));
        }

        assertThat(findings).hasSize(2).allSatisfy(f -> assertThat(f.gone()).containsExactly("traceparent"));
    }

    private void usual(int records) {
        for (int i = 0; i < records; i++) {
            observe(List.of("traceparent", "content-type"));
        }
    }

    private void observe(List<String> keys) {
        time += 10;
        headers.observe(time, keys).ifPresent(findings::add);
    }
}
