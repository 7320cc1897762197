package io.kafmirror.engine.restore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the records of a {@link RestorePlan} to a JSON Lines file, one {@link RecordLine} per record, for use outside
 * Kafka: partitions in ascending order, each partition's records in offset order. A name ending in {@code .gz} is
 * gzipped. The records go to a temporary file beside the target, which is moved into place only once complete, so a
 * failed, cancelled or killed export never leaves a partial file under the target's name.
 */
public final class RestoreToFile {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreToFile.class);
    // No separator between root values: RecordLine ends each with a newline, the line that JSON Lines asks for.
    private static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();
    private static final int GZIP_BUFFER = 64 * 1024;

    private final SegmentArchive archive;
    private final RestorePlan plan;
    private final Clock clock;
    private volatile boolean cancelled;
    private volatile RestoreProgress progress;

    /** An export of {@code plan}'s records, read from {@code archive}. */
    public RestoreToFile(SegmentArchive archive, RestorePlan plan, Clock clock) {
        this.archive = archive;
        this.plan = plan;
        this.clock = clock;
    }

    /** Stops the export before its next record; {@link #write} then deletes what it wrote and returns an incomplete outcome. */
    public void cancel() {
        cancelled = true;
    }

    /** The progress of the export, once it started. */
    public RestoreProgress progress() {
        return progress;
    }

    /**
     * Writes every record of the plan to {@code file}, refusing an existing file unless {@code overwrite}. A failure
     * leaves no file under that name (an overwritten file stays as it was) and is thrown.
     */
    public RestoreFileOutcome write(Path file, boolean overwrite) {
        Path target = file.toAbsolutePath().normalize();
        refuse(target, overwrite);
        Instant started = clock.instant();
        progress = new RestoreProgress(plan.records(), 0, started);
        // Unique per attempt, like the local store's staging files, so two exports to one name never share one.
        Path temp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            long records = writeRecords(temp, target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz"));
            if (cancelled) {
                return new RestoreFileOutcome(target, false, 0, 0, Duration.between(started, clock.instant()));
            }
            // On disk before the rename: after a power loss the name could otherwise point at an empty or partial file.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            // Checked again as the export may have taken hours; a rename cannot portably refuse an existing name, so a
            // file created in the instant between this check and the move is replaced.
            refuse(target, overwrite);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Duration took = Duration.between(started, clock.instant());
            LOG.info("Restore of {} to {}: {} records in {}", plan.request().topic(), target, records, took);
            return new RestoreFileOutcome(target, true, records, Files.size(target), took);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the restore file " + target + " failed: " + e.getMessage()
                    + ". Nothing was written under that name; check the folder's free space and permissions, and run again.", e);
        } finally {
            deleteIfLeft(temp);
        }
    }

    private long writeRecords(Path temp, boolean gzip) throws IOException {
        RecordLine line = new RecordLine();
        long records = 0;
        try (OutputStream out = open(temp, gzip); JsonGenerator json = JSON.createGenerator(out)) {
            for (PartitionCut cut : plan.cuts()) {
                CutRecords stored = new CutRecords(archive, cut, plan.request());
                while (!cancelled && stored.hasNext()) {
                    KfsRecord r = stored.next();
                    line.write(json, cut.partition(), r);
                    progress.acknowledged(RestoreProgress.size(r));
                    records++;
                }
            }
        }
        return records;
    }

    private static OutputStream open(Path temp, boolean gzip) throws IOException {
        OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return gzip ? new GZIPOutputStream(file, GZIP_BUFFER) : file;
    }

    private static void refuse(Path target, boolean overwrite) {
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is a folder: name the restore file, e.g. " + target.resolve(
                    "restore.jsonl"));
        }
        if (!Files.isDirectory(target.getParent())) {
            throw new IllegalArgumentException("The folder " + target.getParent() + " does not exist: create it, or write "
                    + "the restore file elsewhere");
        }
        if (!overwrite && Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists: overwrite it (--overwrite), or choose another "
                    + "file name");
        }
    }

    private static void deleteIfLeft(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not delete the partial restore file {}: {}; delete it by hand", temp, e.toString());
        }
    }
}
