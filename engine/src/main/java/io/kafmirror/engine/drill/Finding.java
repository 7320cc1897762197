package io.kafmirror.engine.drill;

import io.kafmirror.engine.restore.RestoreVerification;
import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.CorruptSegmentException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Why a drill failed, in words that name the topic, the segment, the partition and the offsets to look at. */
final class Finding {

    private static final Pattern PARTITION = Pattern.compile("partition (\\d+)");

    private Finding() {
    }

    /** A stored segment that failed a check: the exception's object, part and byte, with the records it holds there. */
    static String corrupt(String topic, CorruptSegmentException e, SegmentCatalog catalog) {
        Optional<CatalogEntry> entry = catalog.find(e.objectName());
        Matcher m = PARTITION.matcher(e.part());
        String held;
        if (entry.isEmpty()) {
            held = "the segment is not in the catalog";
        } else if (m.find()) {
            int partition = Integer.parseInt(m.group(1));
            held = "partition " + partition + " of " + topic + ", stored offsets " + entry.get().chunks().stream()
                    .filter(c -> c.partition() == partition).map(Finding::offsets).collect(Collectors.joining(", "));
        } else {
            held = "the segment holds " + topic + " " + entry.get().chunks().stream()
                    .map(c -> "partition " + c.partition() + " offsets " + offsets(c)).collect(Collectors.joining(", "));
        }
        return "Topic " + topic + ": " + e.getMessage() + " (" + held + "). Restore that segment from another copy of the"
                + " backup; 'kaf-mirror store verify' checks the whole store.";
    }

    /** A restored scratch topic that differs from the backup. */
    static String mismatch(String topic, String scratch, RestoreVerification.Mismatch m) {
        return "Topic " + topic + ": the scratch topic " + scratch + " differs from the backup in partition " + m.partition()
                + " at offset " + m.targetOffset() + ": " + m.difference();
    }

    /** Anything else that stopped the drill of {@code topic}. */
    static String failed(String topic, RuntimeException e) {
        return "Topic " + topic + ": " + e.getMessage();
    }

    private static String offsets(CatalogChunk c) {
        return c.firstOffset() + " to " + c.lastOffset();
    }
}
