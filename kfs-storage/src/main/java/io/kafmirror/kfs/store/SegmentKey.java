package io.kafmirror.kfs.store;

import io.kafmirror.kfs.format.SegmentFooter;
import io.kafmirror.kfs.format.SegmentIdentity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a segment lives in a store:
 * {@code segments/<cluster>/<topic>/<yyyy>/<MM>/<dd>/<HH>/<yyyyMMdd'T'HHmmss.SSS'Z'>-<writer>-<sequence:20>.kfs}.
 *
 * <p>The time is the segment's seal time in UTC. Fixed-width fields make lexicographic listing
 * order equal time order; the hour folders let a time window be listed prefix by prefix; cluster
 * and topic lead, so several clusters share one bucket and a topic is one prefix. The writer id
 * and its sequence make every key unique per writer, so no two writers ever race for one key.
 *
 * @param cluster  source cluster name
 * @param topic    source topic
 * @param sealedAt seal time, millisecond precision
 * @param writerId the writing process
 * @param sequence the writer's segment counter
 */
public record SegmentKey(String cluster, String topic, Instant sealedAt, String writerId, long sequence) {

    /** The folder under which all segments live, leaving room for other kinds of object. */
    public static final String ROOT = "segments/";

    private static final Pattern KEY = Pattern.compile("segments/([A-Za-z0-9._-]+)/([A-Za-z0-9._-]+)/\\d{4}/\\d{2}/\\d{2}/\\d{2}/("
            + KeyTime.STAMP_REGEX + ")-([A-Za-z0-9._-]+)-(\\d{20})\\.kfs");

    public SegmentKey {
        new SegmentIdentity(cluster, topic, SegmentIdentity.UNKNOWN_TOPIC_ID, writerId, sequence);
        sealedAt = KeyTime.keyable(sealedAt);
    }

    /** The key of the segment a footer describes. */
    public static SegmentKey of(SegmentFooter footer) {
        SegmentIdentity id = footer.identity();
        return new SegmentKey(id.sourceCluster(), id.topic(), Instant.ofEpochMilli(footer.createdAt()), id.writerId(), id.writerSequence());
    }

    /** The key as stored. */
    public String value() {
        return topicPrefix(cluster, topic) + KeyTime.hourFolder(sealedAt) + "/" + KeyTime.stamp(sealedAt) + "-" + writerId + "-"
                + String.format("%020d", sequence) + ".kfs";
    }

    @Override
    public String toString() {
        return value();
    }

    /** Parses a stored key; empty for keys that are not segment keys (other objects share the store). */
    public static Optional<SegmentKey> parse(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        Instant sealed = KeyTime.parseStamp(m.group(3));
        SegmentKey parsed = new SegmentKey(m.group(1), m.group(2), sealed, m.group(4), Long.parseLong(m.group(5)));
        return parsed.value().equals(key) ? Optional.of(parsed) : Optional.empty();
    }

    /** The prefix holding every segment of a cluster. */
    public static String clusterPrefix(String cluster) {
        return ROOT + cluster + "/";
    }

    /** The prefix holding every segment of a topic. */
    public static String topicPrefix(String cluster, String topic) {
        return clusterPrefix(cluster) + topic + "/";
    }

    /** The hour prefixes that together hold every segment of a topic sealed in {@code [from, to]}, in time order. */
    public static List<String> hourPrefixes(String cluster, String topic, Instant from, Instant to) {
        List<String> prefixes = new ArrayList<>();
        for (Instant h = from.truncatedTo(ChronoUnit.HOURS); !h.isAfter(to); h = h.plus(1, ChronoUnit.HOURS)) {
            prefixes.add(topicPrefix(cluster, topic) + KeyTime.hourFolder(h) + "/");
        }
        return prefixes;
    }
}
