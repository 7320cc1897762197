package io.kafmirror.engine.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which packs of a schedule are due in a folder: the completed periods since the newest pack there, oldest first, so a
 * machine that was off catches up on its next run. A folder without any pack of the schedule gets only the last
 * completed period: the first run does not reach back before the product was set to export. At most
 * {@link #CATCH_UP} periods are due at once (a month of days).
 */
public final class ScheduledExports {

    /** How many periods one run writes at most. */
    public static final int CATCH_UP = 31;

    private final ExportSchedule schedule;
    private final Path folder;

    /** The packs of {@code schedule} in {@code folder}. */
    public ScheduledExports(ExportSchedule schedule, Path folder) {
        this.schedule = schedule;
        this.folder = folder;
    }

    /** The periods whose packs are due at {@code now}, oldest first; empty when the folder is up to date. */
    public List<EvidencePeriod> due(Instant now) {
        List<EvidencePeriod> due = new ArrayList<>();
        EvidencePeriod period = schedule.lastComplete(now);
        while (due.size() < CATCH_UP && !Files.exists(file(period))) {
            due.add(period);
            period = schedule.previous(period);
        }
        if (due.size() == CATCH_UP && !hasAnyPack()) {
            due = new ArrayList<>(due.subList(0, 1));
        }
        Collections.reverse(due);
        return List.copyOf(due);
    }

    /** Where the pack of {@code period} goes. */
    public Path file(EvidencePeriod period) {
        return folder.resolve(schedule.fileName(period));
    }

    private boolean hasAnyPack() {
        String prefix = "evidence-" + schedule.name().toLowerCase(Locale.ROOT) + "-";
        // A missing or unreadable folder holds no pack; writing into it then says what is wrong.
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".zip"));
        } catch (IOException e) {
            return false;
        }
    }
}
