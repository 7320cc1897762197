package io.kafmirror.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnapshotKeyTest {

    @Test
    void aKeyReadsAsClusterKindHourTimeAndWriter() {
        SnapshotKey key = new SnapshotKey("prod-eu", SnapshotKind.GROUP_OFFSETS, Instant.parse("2026-11-25T09:13:07.123456Z"), "host-a.1");
        assertThat(key.value()).isEqualTo("snapshots/prod-eu/group-offsets/2026/11/25/09/20261125T091307.123Z-host-a.1.json");
        assertThat(SnapshotKey.parse(key.value())).contains(key);
        assertThat(key.value()).startsWith(SnapshotKey.hourPrefix("prod-eu", SnapshotKind.GROUP_OFFSETS, key.takenAt()))
                .startsWith(SnapshotKey.dayPrefix("prod-eu", SnapshotKind.GROUP_OFFSETS, key.takenAt()))
                .startsWith(SnapshotKey.kindPrefix("prod-eu", SnapshotKind.GROUP_OFFSETS));
    }

    @Test
    void listingOrderIsTimeOrder() {
        Random random = new Random(11);
        List<SnapshotKey> byTime = new ArrayList<>();
        long t = Instant.parse("2019-12-31T23:59:59Z").toEpochMilli();
        for (int i = 0; i < 500; i++) {
            t += 1 + (random.nextInt(3) == 0 ? random.nextInt(10) : random.nextInt(90_000_000));
            byTime.add(new SnapshotKey("c", SnapshotKind.TOPICS, Instant.ofEpochMilli(t), "w" + random.nextInt(3)));
        }
        List<String> listed = new ArrayList<>(byTime.stream().map(SnapshotKey::value).toList());
        Collections.shuffle(listed, random);
        Collections.sort(listed);
        assertThat(listed).containsExactlyElementsOf(byTime.stream().map(SnapshotKey::value).toList());
    }

    @Test
    void otherObjectsUnknownKindsAndTamperedKeysAreNotSnapshots() {
        assertThat(SnapshotKey.parse("segments/c/t/2026/11/25/09/20261125T091307.123Z-w-00000000000000000001.kfs")).isEmpty();
        assertThat(SnapshotKey.parse("snapshots/c/acls/2026/11/25/09/20261125T091307.123Z-w.json")).isEmpty();
        assertThat(SnapshotKey.parse("snapshots/c/topics/2026/11/25/08/20261125T091307.123Z-w.json")).isEmpty();
        assertThat(SnapshotKey.parse("snapshots/c/topics/2026/11/25/09/20261125T091307.123Z-w.json.kfs-meta")).isEmpty();
    }

    @Test
    void namesMustBeSafeInKeys() {
        assertThatThrownBy(() -> new SnapshotKey("..", SnapshotKind.TOPICS, Instant.EPOCH, "w"))
                .hasMessageContaining("Invalid cluster '..'");
        assertThatThrownBy(() -> new SnapshotKey("c", SnapshotKind.TOPICS, Instant.EPOCH, "a/b"))
                .hasMessageContaining("Invalid writer id 'a/b'");
    }
}
