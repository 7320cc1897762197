package io.kafmirror.app.cli;

import io.kafmirror.kfs.catalog.PartitionSummary;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.SegmentKey;
import io.kafmirror.kfs.store.SegmentStore;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code store ls}: what the backup holds, per partition. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List the backed-up topics and partitions: offset and time ranges, records, segments and sizes.")
public final class StoreLs implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Only this source cluster.")
    String cluster;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Only this topic.")
    String topic;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (SegmentStore store = options.open(); SegmentCatalog catalog = options.openCatalog()) {
            if (catalog.count() == 0) {
                try (Stream<?> any = store.list(SegmentKey.ROOT)) {
                    out.println(any.findAny().isPresent()
                            ? "The catalog " + catalog.file() + " is empty, but " + store.location() + " holds segments: run 'kaf-mirror store rebuild-catalog'."
                            : "No segments in " + store.location() + " yet.");
                }
                return 0;
            }
            TextTable table = new TextTable("CLUSTER", "TOPIC", "PARTITION", "OFFSETS", "RECORDS", "FROM (UTC)", "TO (UTC)", "SEGMENTS", "SIZE");
            int rows = 0;
            for (String c : cluster == null ? catalog.clusters() : List.of(cluster)) {
                for (String t : topic == null ? catalog.topics(c) : List.of(topic)) {
                    for (PartitionSummary p : catalog.partitions(c, t)) {
                        table.row(c, t, p.partition(), p.firstOffset() + ".." + p.lastOffset(), p.recordCount(), Sizes.time(p.minTimestamp()),
                                Sizes.time(p.maxTimestamp()), p.segments(), Sizes.bytes(p.bytes()));
                        rows++;
                    }
                }
            }
            if (rows == 0) {
                out.println("Nothing stored for " + (cluster == null ? "" : "cluster '" + cluster + "' ") + (topic == null ? "" : "topic '" + topic + "'")
                        + ". Clusters in the catalog: " + String.join(", ", catalog.clusters()) + ".");
                return 0;
            }
            table.print(out);
            return 0;
        }
    }
}
