package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentIdentity;
import io.kafmirror.kfs.format.SegmentWriter;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.SegmentKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store commands as an operator runs them, against a local store holding two segments of orders. */
class StoreCliTest {

    static final long T0 = Instant.parse("2026-11-25T09:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    List<SegmentKey> keys = new ArrayList<>();

    @BeforeEach
    void backUpOrders() {
        try (LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store")); SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"))) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            for (int s = 0; s < 2; s++) {
                SegmentWriter writer = new SegmentWriter(new SegmentIdentity("prod", "orders", UUID.randomUUID(), "w1", s), SegmentWriterConfig.DEFAULT);
                for (int i = 0; i < 50; i++) {
                    long offset = s * 100L + 2L * i;
                    Header[] headers = {new RecordHeader("source", "web".getBytes(StandardCharsets.UTF_8))};
                    writer.append(0, new KfsRecord(offset, T0 + offset * 1000, TimestampType.CREATE_TIME, ("order-" + offset).getBytes(StandardCharsets.UTF_8),
                            offset == 4 ? new byte[] {0, (byte) 0xff} : ("{\"id\":" + offset + "}").getBytes(StandardCharsets.UTF_8), headers));
                }
                keys.add(archive.publish(writer.seal(T0 + s * 3_600_000L), ObjectRetention.NONE, false));
            }
        }
    }

    CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--store", dir.resolve("store").toString(), "--catalog", dir.resolve("catalog").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void lsShowsWhatIsBackedUp() {
        CliRun ls = run("store", "ls");

        assertThat(ls.exitCode()).isZero();
        assertThat(ls.out()).contains("CLUSTER").contains("prod  ").contains("orders").contains("0..198").contains("100")
                .contains("2026-11-25T09:00:00Z").contains("2026-11-25T09:03:18Z");
    }

    @Test
    void catPrintsRecordsFromAnOffsetOrAPointInTime() {
        CliRun fromOffset = run("store", "cat", "--topic", "orders", "--partition", "0", "--from-offset", "3", "--limit", "2");
        assertThat(fromOffset.exitCode()).isZero();
        assertThat(fromOffset.out().lines()).containsExactly(
                "0@4\t2026-11-25T09:00:04Z CreateTime\tkey=order-4\tsource=web\tvalue=base64:AP8=",
                "0@6\t2026-11-25T09:00:06Z CreateTime\tkey=order-6\tsource=web\tvalue={\"id\":6}");

        CliRun fromTime = run("store", "cat", "--topic", "orders", "--partition", "0", "--from-time", "2026-11-25T10:01:37+01:00");
        assertThat(fromTime.out().lines()).hasSize(51).first().asString().startsWith("0@98\t");
        assertThat(fromTime.out().lines()).last().asString().startsWith("0@198\t");
    }

    @Test
    void catExplainsWhatExistsWhenAskedForWhatDoesNot() {
        CliRun topic = run("store", "cat", "--topic", "payments", "--partition", "0");
        assertThat(topic.exitCode()).isEqualTo(3);
        assertThat(topic.err()).contains("no topic 'payments'").contains("Topics: orders");

        CliRun late = run("store", "cat", "--topic", "orders", "--partition", "0", "--from-time", "2027-01-01T00:00:00Z");
        assertThat(late.err()).contains("No stored record has a timestamp at or after 2027-01-01T00:00:00Z")
                .contains("offsets 0..198").contains("2026-11-25T09:00:00Z to 2026-11-25T09:03:18Z");

        CliRun badTime = run("store", "cat", "--topic", "orders", "--partition", "0", "--from-time", "09:13");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err()).contains("'09:13' is not a point in time");
    }

    @Test
    void verifyPassesThenFindsAFlippedByte() throws Exception {
        assertThat(run("store", "verify").out()).contains("Verified 2 segments").contains("OK=2");

        Path file = dir.resolve("store").resolve(keys.get(1).value());
        file.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 0x40;
        Files.write(file, bytes);

        CliRun verify = run("store", "verify");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("CORRUPT\t" + keys.get(1).value()).contains("chunk of partition 0").contains("FAILED");
    }

    @Test
    void aLostCatalogIsRebuiltFromTheStore() throws Exception {
        String before = run("store", "ls").out();
        Files.delete(dir.resolve("catalog.mv.db"));

        assertThat(run("store", "ls").out()).contains("is empty").contains("rebuild-catalog");
        String data = dir.resolve("data").toString();
        CliRun rebuild = run("store", "rebuild-catalog", "--data", data);
        assertThat(rebuild.exitCode()).isZero();
        assertThat(rebuild.out()).contains("Catalogued 2 segments");
        assertThat(run("store", "ls").out()).isEqualTo(before);
        // The data folder has no users: the operating-system user acts.
        String actor = Pattern.quote(Principal.unclaimed().name());
        assertThat(CliRun.of("audit", "list", "--data", data).out()).containsPattern("1\\s+\\S+\\s+" + actor
                + "\\s+store\\.rebuild-catalog\\s+\\S*store\\s+ok\\s+\\{\"catalog\":\"\\S*catalog\",\"parallel\":8\\}");
    }
}
