package io.kafmirror.ui.restore;

import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One generation of a backed-up topic: the topic as it existed under one topic ID, before it was deleted and created
 * again under the same name. Numbered from 1 in the order the backup first stored them, as the planner orders them, so
 * the last is the one a restore takes unless another is chosen ({@code kaf-mirror restore --generation TOPIC_ID}).
 *
 * @param topicId the source topic ID
 * @param number  its place among the topic's generations, from 1
 * @param first   its smallest stored record timestamp
 * @param last    its largest stored record timestamp
 * @param newest  whether it is the last generation
 */
public record TopicGeneration(UUID topicId, int number, Instant first, Instant last, boolean newest) {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The generations of the topic whose stored segments are {@code segments}, oldest first; none for none. */
    public static List<TopicGeneration> of(List<CatalogEntry> segments) {
        Map<UUID, List<CatalogEntry>> byId = new LinkedHashMap<>();
        segments.forEach(e -> byId.computeIfAbsent(e.topicId(), id -> new ArrayList<>()).add(e));
        List<UUID> byAge = byId.keySet().stream().sorted(Comparator.comparing(
                id -> byId.get(id).stream().map(CatalogEntry::sealedAt).min(Comparator.naturalOrder()).orElseThrow())).toList();
        List<TopicGeneration> generations = new ArrayList<>();
        for (int i = 0; i < byAge.size(); i++) {
            List<CatalogChunk> chunks = byId.get(byAge.get(i)).stream().flatMap(e -> e.chunks().stream()).toList();
            generations.add(new TopicGeneration(byAge.get(i), i + 1,
                    Instant.ofEpochMilli(chunks.stream().mapToLong(CatalogChunk::minTimestamp).min().orElse(0)),
                    Instant.ofEpochMilli(chunks.stream().mapToLong(CatalogChunk::maxTimestamp).max().orElse(0)),
                    i == byAge.size() - 1));
        }
        return generations;
    }

    /**
     * What the generation picker shows, e.g. {@code generation 2 — topic ID 5f0c1a2b…, 2026-12-02 09:00:00 → 09:10:00 UTC
     * (newest)}: the topic ID's first eight digits, enough to tell generations apart; {@link #topicId()} has it whole.
     */
    @Override
    public String toString() {
        boolean sameDay = first.atZone(ZoneOffset.UTC).toLocalDate().equals(last.atZone(ZoneOffset.UTC).toLocalDate());
        return "generation " + number + " — topic ID " + topicId.toString().substring(0, 8) + "…, " + DAY_AND_TIME.format(first)
                + " → " + (sameDay ? TIME : DAY_AND_TIME).format(last) + " UTC" + (newest ? " (newest)" : "");
    }
}
