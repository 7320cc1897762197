package io.kafmirror.app.cli;

import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.PartitionSummary;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentReader;
import io.kafmirror.kfs.store.SegmentStore;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code store cat}: print the stored records of one partition, from an offset or a point in time. */
@Command(name = "cat", mixinStandardHelpOptions = true,
        description = "Print stored records of one partition: offset, timestamp, key, headers, value (text when printable, else base64).")
public final class StoreCat implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Source cluster; needed only when the store holds several.")
    String cluster;

    @Option(names = "--topic", paramLabel = "TOPIC", required = true, description = "Source topic.")
    String topic;

    @Option(names = "--partition", paramLabel = "N", required = true, description = "Source partition.")
    int partition;

    @ArgGroup(exclusive = true)
    Start start = new Start();

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N records (default: all).")
    Long limit;

    @Option(names = "--base64", description = "Show every key, header and value as base64.")
    boolean base64;

    /** Where to start: the first stored record by default. */
    static final class Start {
        @Option(names = "--from-offset", paramLabel = "OFFSET", description = "Start at this offset (or the next stored one).")
        Long offset;

        @Option(names = "--from-time", paramLabel = "TIME", converter = InstantConverter.class,
                description = "Start at the first record (in offset order) with a timestamp at or after TIME: ISO-8601 with zone, or epoch ms.")
        Instant time;
    }

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must not be negative");
        }
        try (SegmentStore store = options.open(); SegmentCatalog catalog = options.openCatalog()) {
            String sourceCluster = new ClusterChoice(catalog, spec.commandLine()).resolve(cluster);
            List<CatalogEntry> segments = catalog.segments(sourceCluster, topic, partition);
            PartitionSummary summary = existing(catalog, sourceCluster, segments);
            SegmentArchive archive = new SegmentArchive(store, catalog);
            RecordPrinter printer = new RecordPrinter(spec.commandLine().getOut(), base64);
            long firstOffset = firstOffset(archive, segments, summary);
            long printed = 0;
            for (CatalogEntry segment : segments) {
                if (limit != null && printed >= limit) {
                    break;
                }
                if (chunk(segment).lastOffset() < firstOffset) {
                    continue;
                }
                Iterator<KfsRecord> records = archive.open(segment.key()).read(partition, firstOffset);
                while (records.hasNext() && (limit == null || printed < limit)) {
                    printer.print(partition, records.next());
                    printed++;
                }
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private PartitionSummary existing(SegmentCatalog catalog, String sourceCluster, List<CatalogEntry> segments) {
        List<PartitionSummary> partitions = catalog.partitions(sourceCluster, topic);
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("The backup holds no topic '" + topic + "' of cluster '" + sourceCluster + "'. Topics: "
                    + String.join(", ", catalog.topics(sourceCluster)) + ".");
        }
        return partitions.stream().filter(p -> p.partition() == partition).findFirst()
                .filter(p -> !segments.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("The backup holds no partition " + partition + " of topic '" + topic
                        + "'. Partitions: " + partitions.stream().map(p -> String.valueOf(p.partition())).reduce((a, b) -> a + ", " + b).orElse("") + "."));
    }

    private long firstOffset(SegmentArchive archive, List<CatalogEntry> segments, PartitionSummary summary) {
        String range = " The backup of " + topic + "-" + partition + " holds offsets " + summary.firstOffset() + ".." + summary.lastOffset()
                + ", timestamps " + Sizes.time(summary.minTimestamp()) + " to " + Sizes.time(summary.maxTimestamp()) + ".";
        if (start.offset != null) {
            if (start.offset > summary.lastOffset()) {
                throw new IllegalArgumentException("Offset " + start.offset + " is after the last stored offset." + range);
            }
            return start.offset;
        }
        if (start.time == null) {
            return summary.firstOffset();
        }
        long at = start.time.toEpochMilli();
        for (CatalogEntry segment : segments) {
            if (chunk(segment).maxTimestamp() >= at) {
                SegmentReader reader = archive.open(segment.key());
                OptionalLong offset = reader.offsetForTimestamp(partition, at);
                if (offset.isPresent()) {
                    return offset.getAsLong();
                }
            }
        }
        throw new IllegalArgumentException("No stored record has a timestamp at or after " + start.time + "." + range);
    }

    private CatalogChunk chunk(CatalogEntry segment) {
        return segment.chunks().stream().filter(c -> c.partition() == partition).findFirst().orElseThrow();
    }
}
