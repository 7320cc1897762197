package io.kafmirror.engine.restore;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a restore to a file ended.
 *
 * @param file      the file, as an absolute path
 * @param completed whether the file holds every planned record (false: cancelled, and nothing was written under its name)
 * @param records   records in the file; 0 when cancelled
 * @param bytes     the file's size on disk (compressed for a {@code .gz} file); 0 when cancelled
 * @param duration  how long the export took
 */
public record RestoreFileOutcome(Path file, boolean completed, long records, long bytes, Duration duration) {
}
