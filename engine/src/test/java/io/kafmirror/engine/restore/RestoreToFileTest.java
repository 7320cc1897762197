package io.kafmirror.engine.restore;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.engine.testkit.RestoreFileLines;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.format.SegmentIdentity;
import io.kafmirror.kfs.format.SegmentWriter;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import io.kafmirror.kfs.store.ObjectRetention;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore point exported to JSON Lines from a real local store reads back, from the documented format alone, equal to
 * the backup byte for byte — binary and text, null and empty, headers, several partitions — and an export that fails,
 * is cancelled or would replace a file leaves no partial file under the name.
 */
class RestoreToFileTest {

    private static final long BASE = Instant.parse("2026-05-13T14:00:00Z").toEpochMilli();
    private static final UUID EVENTS = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    @TempDir
    Path dir;

    private LocalArchive local;
    private SegmentArchive archive;
    private Path out;
    private RestorePlan plan;
    /** The key of the second segment, which holds only records of partition 2, the last partition exported. */
    private String lastSegment;

    @BeforeEach
    void storeEvents() throws IOException {
        local = LocalArchive.in(dir.resolve("backup"));
        archive = local.archive();
        out = Files.createDirectories(dir.resolve("out"));
        SegmentWriter first = writer(0);
        manyBinary(first, 0, new Random(1));
        first.append(0, record(0, "order-0", "{\"id\":0}", new RecordHeader("trace", utf8("t-0"))));
        first.append(0, KfsRecord.of(1, BASE + 1, null, new byte[] {0, 1, 2, (byte) 0xFF}));
        first.append(0, KfsRecord.of(2, BASE + 2, utf8("k"), null));
        first.append(0, KfsRecord.of(3, BASE + 3, utf8("k"), new byte[0]));
        first.append(0, record(5, "unicode", "line one\nline \"two\"\t— é ✓ 😀 \u0000",
                new RecordHeader("trace", utf8("t-5")), new RecordHeader("trace", utf8("retried")),
                new RecordHeader("empty", null), new RecordHeader("blank", new byte[0]),
                new RecordHeader("latin1", new byte[] {(byte) 0xE9, 't', (byte) 0xE9})));
        first.append(1, new KfsRecord(0, BASE + 10, TimestampType.LOG_APPEND_TIME, new byte[0], utf8("appended"), null));
        first.append(1, new KfsRecord(1, KfsRecord.NO_TIMESTAMP, TimestampType.CREATE_TIME, utf8("old"), utf8("no time"), null));
        // Overlong NUL and an encoded surrogate: lenient decoders accept both, and would not give these bytes back.
        first.append(1, KfsRecord.of(2, BASE + 12, new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        archive.publish(first.seal(BASE), ObjectRetention.NONE, false);
        SegmentWriter second = writer(1);
        manyBinary(second, 300, new Random(2));
        lastSegment = archive.publish(second.seal(BASE + 1_000), ObjectRetention.NONE, false).value();
        plan = new RestorePlanner(archive).plan(RestoreRequest.of("prod", "events", new RestorePoint.AtTime(Instant.ofEpochMilli(BASE + 10_000))));
    }

    @AfterEach
    void closeArchive() {
        local.close();
    }

    @Test
    void everyRecordReadsBackByteForByteInPartitionThenOffsetOrder() throws IOException {
        Path file = out.resolve("events.jsonl");

        RestoreFileOutcome outcome = export().write(file, false);

        assertThat(outcome.completed()).isTrue();
        assertThat(outcome.records()).isEqualTo(608).isEqualTo(plan.records());
        assertThat(outcome.bytes()).isEqualTo(Files.size(file));
        assertThat(RestoreFileLines.byPartition(file)).isEqualTo(StoredRecords.of(archive, "prod", "events"));
        assertThat(RestoreFileLines.read(file)).extracting(l -> l.partition() + ":" + l.record().offset())
                .isSortedAccordingTo(Comparator.comparing((String s) -> Integer.parseInt(s.split(":")[0]))
                        .thenComparing(s -> Long.parseLong(s.split(":")[1])));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(608);
        assertThat(lines.get(0)).isEqualTo("{\"partition\":0,\"offset\":0,\"timestamp\":" + BASE + ",\"timestampType\":\"CreateTime\","
                + "\"key\":\"order-0\",\"keyEncoding\":\"utf8\",\"value\":\"{\\\"id\\\":0}\",\"valueEncoding\":\"utf8\","
                + "\"headers\":[{\"key\":\"trace\",\"value\":\"t-0\",\"valueEncoding\":\"utf8\"}]}");
        assertThat(lines.get(1)).contains("\"key\":null,\"keyEncoding\":null,\"value\":\"AAEC/w==\",\"valueEncoding\":\"base64\"");
        assertThat(lines.get(2)).contains("\"value\":null,\"valueEncoding\":null");
        assertThat(lines.get(3)).contains("\"value\":\"\",\"valueEncoding\":\"utf8\"");
        assertThat(lines.get(4)).contains("{\"key\":\"empty\",\"value\":null,\"valueEncoding\":null}")
                .contains("{\"key\":\"latin1\",\"value\":\"6XTp\",\"valueEncoding\":\"base64\"}");
        assertThat(lines.get(5)).contains("\"timestampType\":\"LogAppendTime\"");
        assertThat(lines.get(6)).contains("\"timestamp\":null");
    }

    @Test
    void aGzNameIsGzippedAndReadsBackTheSame() throws IOException {
        Path file = out.resolve("events.jsonl.gz");

        RestoreFileOutcome outcome = export().write(file, false);

        try (InputStream in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(2)).as("gzip magic").containsExactly(0x1f, 0x8b);
        }
        assertThat(outcome.records()).isEqualTo(608);
        assertThat(outcome.bytes()).isEqualTo(Files.size(file));
        assertThat(RestoreFileLines.byPartition(file)).isEqualTo(StoredRecords.of(archive, "prod", "events"));
    }

    @Test
    void anExistingFileIsKeptUnlessOverwriteIsAsked() throws IOException {
        Path file = Files.writeString(out.resolve("events.jsonl"), "yesterday's export\n");

        assertThatThrownBy(() -> export().write(file, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("already exists").hasMessageContaining("--overwrite");
        assertThat(Files.readString(file)).isEqualTo("yesterday's export\n");

        assertThat(export().write(file, true).completed()).isTrue();
        assertThat(RestoreFileLines.byPartition(file)).isEqualTo(StoredRecords.of(archive, "prod", "events"));
        assertThat(filesIn(out)).containsExactly("events.jsonl");
    }

    @Test
    void aMissingFolderIsRefusedWithItsName() {
        Path file = out.resolve("no/such/folder/events.jsonl");

        assertThatThrownBy(() -> export().write(file, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.getParent().toString()).hasMessageContaining("does not exist");
    }

    @Test
    void anExportThatFailsHalfwayLeavesTheOldFileAndNoPartOne() throws IOException {
        Path file = Files.writeString(out.resolve("events.jsonl"), "yesterday's export\n");
        archive.store().delete(lastSegment);

        assertThatThrownBy(() -> export().write(file, true)).hasMessageContaining(lastSegment);

        assertThat(Files.readString(file)).isEqualTo("yesterday's export\n");
        assertThat(filesIn(out)).containsExactly("events.jsonl");
    }

    @Test
    void aCancelledExportLeavesNoFile() throws IOException {
        RestoreToFile export = export();
        export.cancel();

        RestoreFileOutcome outcome = export.write(out.resolve("events.jsonl"), false);

        assertThat(outcome.completed()).isFalse();
        assertThat(outcome.records()).isZero();
        assertThat(filesIn(out)).isEmpty();
    }

    private RestoreToFile export() {
        return new RestoreToFile(archive, plan, Clock.systemUTC());
    }

    private static SegmentWriter writer(long sequence) {
        // Small batches so that each partition's records span several of them.
        return new SegmentWriter(new SegmentIdentity("prod", "events", EVENTS, "file-test", sequence),
                new SegmentWriterConfig(SegmentCodec.ZSTD, 512, 256));
    }

    /** 300 records of partition 2 from {@code offset}: random bytes, mostly not UTF-8, some empty. */
    private static void manyBinary(SegmentWriter writer, long offset, Random random) {
        for (long o = offset; o < offset + 300; o++) {
            byte[] value = new byte[o % 50 == 0 ? 0 : random.nextInt(200)];
            random.nextBytes(value);
            writer.append(2, KfsRecord.of(o, BASE + o, utf8("key-" + o), value));
        }
    }

    private static KfsRecord record(long offset, String key, String value, Header... headers) {
        return new KfsRecord(offset, BASE + offset, TimestampType.CREATE_TIME, utf8(key), utf8(value), headers);
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
