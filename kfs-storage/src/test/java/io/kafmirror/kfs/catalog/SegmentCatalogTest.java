package io.kafmirror.kfs.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.RetentionMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCatalogTest {

    @TempDir
    Path dir;

    static CatalogEntry entry(String key, String topic, int partition, long firstOffset, long lastOffset, String sha) {
        return new CatalogEntry(key, "prod", topic, UUID.nameUUIDFromBytes(topic.getBytes()), "w1", firstOffset,
                Instant.ofEpochMilli(1_764_000_000_000L + firstOffset), SegmentCodec.ZSTD, 4096, sha, lastOffset - firstOffset + 1,
                1_700_000_000_000L + firstOffset, 1_700_000_000_000L + lastOffset,
                ObjectRetention.of(RetentionMode.COMPLIANCE, Instant.parse("2027-01-01T00:00:00Z")), false,
                List.of(new CatalogChunk(partition, firstOffset, lastOffset, lastOffset - firstOffset + 1,
                        1_700_000_000_000L + firstOffset, 1_700_000_000_000L + lastOffset, 1000)));
    }

    static String sha(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    void whatIsAddedSurvivesReopeningTheDatabaseFile() {
        CatalogEntry a = entry("segments/prod/orders/a.kfs", "orders", 0, 0, 99, sha('a'));
        CatalogEntry b = entry("segments/prod/orders/b.kfs", "orders", 0, 100, 149, sha('b'));
        CatalogEntry c = entry("segments/prod/payments/c.kfs", "payments", 2, 7, 7, sha('c'));
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"))) {
            catalog.add(b);
            catalog.add(a);
            catalog.add(c);
        }
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"))) {
            assertThat(catalog.all()).containsExactly(a, b, c);
            assertThat(catalog.clusters()).containsExactly("prod");
            assertThat(catalog.topics("prod")).containsExactly("orders", "payments");
            assertThat(catalog.segments("prod", "orders", 0)).containsExactly(a, b);
            assertThat(catalog.partitions("prod", "orders")).containsExactly(
                    new PartitionSummary("prod", "orders", 0, 0, 149, 150, 1_700_000_000_000L, 1_700_000_000_149L, 2, 2000));
            assertThat(catalog.find("segments/prod/payments/c.kfs")).contains(c);
        }
    }

    @Test
    void theSameSegmentTwiceIsHarmlessButAnAlteredOneIsRefused() {
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"))) {
            CatalogEntry a = entry("segments/prod/orders/a.kfs", "orders", 0, 0, 9, sha('a'));
            catalog.add(a);
            catalog.add(a);
            assertThat(catalog.count()).isEqualTo(1);

            assertThatThrownBy(() -> catalog.add(entry("segments/prod/orders/a.kfs", "orders", 0, 0, 9, sha('f'))))
                    .isInstanceOf(CatalogConflictException.class)
                    .hasMessageContaining("segments/prod/orders/a.kfs").hasMessageContaining("replaced or altered");
            assertThat(catalog.find(a.key())).contains(a);
        }
    }

    @Test
    void aCatalogThatCannotBeCreatedSaysWhereAndWhatToDo() throws Exception {
        Path blocker = java.nio.file.Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> SegmentCatalog.open(blocker.resolve("sub/catalog")))
                .hasMessageContaining(blocker.toString()).hasMessageContaining("rebuild-catalog");
    }
}
