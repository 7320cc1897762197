package io.kafmirror.engine.snapshot;

import io.kafmirror.kfs.store.KeyTime;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a snapshot lives in a store:
 * {@code snapshots/<cluster>/<kind>/<yyyy>/<MM>/<dd>/<HH>/<yyyyMMdd'T'HHmmss.SSS'Z'>-<writer>.json}.
 *
 * <p>Beside {@code segments/}, never under it, so segment listings never meet a snapshot. The time is
 * the snapshot's taken-at instant in UTC; fixed-width fields make listing order time order, and the
 * day and hour folders let a reader list only the part of the history it needs. A writer never takes
 * two snapshots of one kind in the same millisecond ({@link SnapshotWriter}), so the writer id makes
 * every key unique by construction.
 *
 * @param cluster  source cluster name
 * @param kind     what the snapshot holds
 * @param takenAt  when it was taken, millisecond precision
 * @param writerId the process that took it
 */
public record SnapshotKey(String cluster, SnapshotKind<?> kind, Instant takenAt, String writerId) {

    /** The folder under which all snapshots live. */
    public static final String ROOT = "snapshots/";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern KEY = Pattern.compile("snapshots/([^/]+)/([^/]+)/\\d{4}/\\d{2}/\\d{2}/\\d{2}/("
            + KeyTime.STAMP_REGEX + ")-([^/]+)\\.json");

    public SnapshotKey {
        requireName("cluster", cluster);
        requireName("writer id", writerId);
        Objects.requireNonNull(kind, "kind");
        takenAt = KeyTime.keyable(takenAt);
    }

    /** The key as stored. */
    public String value() {
        return hourPrefix(cluster, kind, takenAt) + KeyTime.stamp(takenAt) + "-" + writerId + ".json";
    }

    @Override
    public String toString() {
        return value();
    }

    /** Parses a stored key; empty for anything else, including kinds this version does not know. */
    public static Optional<SnapshotKey> parse(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches() || !NAME.matcher(m.group(1)).matches() || !NAME.matcher(m.group(4)).matches()) {
            return Optional.empty();
        }
        return SnapshotKind.named(m.group(2))
                .map(kind -> new SnapshotKey(m.group(1), kind, KeyTime.parseStamp(m.group(3)), m.group(4)))
                .filter(parsed -> parsed.value().equals(key));
    }

    /** The prefix holding every snapshot of {@code kind} of {@code cluster}. */
    public static String kindPrefix(String cluster, SnapshotKind<?> kind) {
        return ROOT + cluster + "/" + kind.name() + "/";
    }

    /** The prefix holding the snapshots of {@code kind} taken on the UTC day of {@code time}. */
    public static String dayPrefix(String cluster, SnapshotKind<?> kind, Instant time) {
        return kindPrefix(cluster, kind) + KeyTime.dayFolder(time) + "/";
    }

    /** The prefix holding the snapshots of {@code kind} taken in the UTC hour of {@code time}. */
    public static String hourPrefix(String cluster, SnapshotKind<?> kind, Instant time) {
        return kindPrefix(cluster, kind) + KeyTime.hourFolder(time) + "/";
    }

    /** Checks that {@code name} is safe as one part of a key, as cluster and writer names must be. */
    static void requireName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("Invalid " + what + " '" + name + "': use 1 to 64 letters, digits,"
                    + " '.', '_' or '-' (not '.' or '..' alone)");
        }
    }
}
