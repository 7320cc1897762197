package io.kafmirror.ui.restore;

import io.kafmirror.engine.restore.RestorePoint;
import io.kafmirror.engine.restore.RestoreRequest;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * What part of a topic the Restore screen restores, as the operator types it: some partitions ({@code --partitions})
 * and a window starting at a time ({@code --from}) instead of the start of the backup.
 *
 * @param partitions the partitions restored; empty for all
 * @param from       the window's start, or null for the start of the backup
 */
public record RestoreScope(Set<Integer> partitions, Instant from) {

    /** The whole topic from the start of the backup. */
    public static final RestoreScope ALL = new RestoreScope(Set.of(), null);

    public RestoreScope {
        partitions = Set.copyOf(partitions);
    }

    /**
     * The scope {@code partitionsText} (numbers separated by commas or spaces, empty for all) and {@code fromText} (a time
     * as the restore point field takes it, empty for the start) say; a clear {@link IllegalArgumentException} otherwise.
     */
    public static RestoreScope parse(String partitionsText, String fromText) {
        Set<Integer> partitions = new TreeSet<>();
        for (String p : blankIfNull(partitionsText).split("[,\\s]+")) {
            if (p.isEmpty()) {
                continue;
            }
            int partition;
            try {
                partition = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Partitions: '" + p + "' is not a partition number; give numbers such"
                        + " as 0, 3 or leave it empty for all");
            }
            if (partition < 0) {
                throw new IllegalArgumentException("Partitions: " + p + " is negative; partitions are numbered from 0");
            }
            partitions.add(partition);
        }
        String from = blankIfNull(fromText);
        Instant start;
        try {
            start = from.isEmpty() ? null : PointText.parse(from);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Window start: " + e.getMessage());
        }
        return new RestoreScope(partitions, start);
    }

    /** The request restoring this scope of {@code topic} up to {@code point}. */
    public RestoreRequest request(BackedUpTopic topic, Instant point) {
        RestoreRequest request = RestoreRequest.of(topic.cluster(), topic.topic(), new RestorePoint.AtTime(point))
                .withPartitions(partitions);
        return from == null ? request : request.withFrom(from);
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text.trim();
    }
}
