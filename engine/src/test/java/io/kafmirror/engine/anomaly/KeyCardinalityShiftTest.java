package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyCardinalityShiftTest {

    private static final long T0 = Instant.parse("2026-12-03T09:00:00Z").toEpochMilli();

    private final KeyCardinalityShift keys = new KeyCardinalityShift("orders", Sensitivity.NORMAL);
    private final List<KeyCardinalityShift.Finding> findings = new ArrayList<>();
    private final Random random = new Random(3);
    private long time = T0;

    @Test
    void aMonthOfCustomersOfVaryingActivityRaisesNothing() {
        // Keys of 300 customers, some far busier than others (Zipf-like), as an orders topic keyed by customer is.
        for (int i = 0; i < 400_000; i++) {
            observe(customer());
        }

        assertThat(findings).as("false positives in 2,000 windows").isEmpty();
    }

    @Test
    void randomKeysFromALeakedProducerAreAShiftFromTheirFirstWindowAndEndWhenTheCustomersAreBack() {
        usual(4_000);
        long firstRandom = time + 10;
        for (int i = 0; i < 1_000; i++) {
            observe(UUID.randomUUID().toString());
        }
        usual(2_000);

        assertThat(findings).hasSize(2);
        KeyCardinalityShift.Finding began = findings.get(0);
        assertThat(began.beginning()).isTrue();
        assertThat(began.at()).isEqualTo(Instant.ofEpochMilli(firstRandom));
        assertThat(began.message()).matches("orders: 100 % of records carry distinct keys since " + began.at()
                + ", usually \\d+ %\\. The last instant before it: " + began.at().minusMillis(1) + "\\.");
        assertThat(findings.get(1).beginning()).isFalse();
        assertThat(findings.get(1).message()).contains("as varied as usual again", "100 % were distinct");
    }

    @Test
    void everyRecordKeyedAlikeIsAShiftDown() {
        usual(4_000);
        for (int i = 0; i < 600; i++) {
            observe(null);
        }

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).startsWith("orders: 1 % of records carry distinct keys"));
    }

    private void usual(int records) {
        for (int i = 0; i < records; i++) {
            observe(customer());
        }
    }

    private String customer() {
        return "customer-" + (int) Math.floor(Math.pow(300, random.nextDouble()));
    }

    private void observe(String key) {
        time += 10;
        keys.observe(time, key == null ? null : key.getBytes(StandardCharsets.UTF_8)).ifPresent(findings::add);
    }
}
