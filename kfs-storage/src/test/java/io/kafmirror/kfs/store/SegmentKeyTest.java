package io.kafmirror.kfs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentKeyTest {

    @Test
    void aKeyReadsAsClusterTopicHourAndSealTime() {
        SegmentKey key = new SegmentKey("prod-eu", "orders.v1", Instant.parse("2026-11-25T09:13:07.123456Z"), "host-a.1", 42);
        assertThat(key.value()).isEqualTo(
                "segments/prod-eu/orders.v1/2026/11/25/09/20261125T091307.123Z-host-a.1-00000000000000000042.kfs");
        assertThat(SegmentKey.parse(key.value())).contains(key);
    }

    @Test
    void listingOrderIsSealTimeOrder() {
        Random random = new Random(7);
        List<SegmentKey> byTime = new ArrayList<>();
        long t = Instant.parse("2019-12-31T23:59:59Z").toEpochMilli();
        for (int i = 0; i < 500; i++) {
            t += random.nextInt(3) == 0 ? random.nextInt(10) : random.nextInt(90_000_000);
            byTime.add(new SegmentKey("c", "t", Instant.ofEpochMilli(t), "w", i));
        }
        List<String> listed = new ArrayList<>(byTime.stream().map(SegmentKey::value).toList());
        Collections.shuffle(listed, random);
        Collections.sort(listed);
        assertThat(listed).containsExactlyElementsOf(byTime.stream().map(SegmentKey::value).toList());
    }

    @Test
    void aTimeWindowIsTheHourPrefixesItSpans() {
        Instant from = Instant.parse("2026-11-25T22:40:00Z");
        Instant to = Instant.parse("2026-11-26T01:05:00Z");
        assertThat(SegmentKey.hourPrefixes("c", "t", from, to)).containsExactly(
                "segments/c/t/2026/11/25/22/", "segments/c/t/2026/11/25/23/",
                "segments/c/t/2026/11/26/00/", "segments/c/t/2026/11/26/01/");
        SegmentKey inside = new SegmentKey("c", "t", Instant.parse("2026-11-26T00:59:59.999Z"), "w", 1);
        assertThat(SegmentKey.hourPrefixes("c", "t", from, to)).anyMatch(p -> inside.value().startsWith(p));
    }

    @Test
    void otherObjectsAndTamperedKeysAreNotSegments() {
        assertThat(SegmentKey.parse("snapshots/prod/groups.json")).isEmpty();
        assertThat(SegmentKey.parse("segments/c/t/2026/11/25/08/20261125T091307.123Z-w-00000000000000000001.kfs")).isEmpty();
        assertThatThrownBy(() -> new SegmentKey("c", "../t", Instant.EPOCH, "w", 0)).hasMessageContaining("Invalid topic name");
    }
}
