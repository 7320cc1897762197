package io.kafmirror.engine.anomaly;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Watches the header keys of one topic's records and tells when a key appears that its records did not carry, or a key
 * they all carried goes missing — a new producer writing into the topic, a tracing or tenant header dropped by a
 * deploy.
 *
 * <p>The usual keys are counted over the last {@value #HISTORY} records before the current window of
 * {@value #WINDOW}; nothing is judged before that many were seen. A key is <em>new</em> when none of those carried it
 * and at least {@value #MIN_NEW} of the window's records do (a key on a few retried records is not a change); it is
 * <em>gone</em> when it was usual (carried by at least {@value #USUAL_SHARE_PERCENT} % of those, and since by at least
 * half) and none of the window's records carries it. Each change is reported once: a new key becomes known as records
 * carry it, a gone key is not reported again until it is usual again. Not thread-safe.
 */
public final class HeaderKeyChange {

    static final int WINDOW = 100;
    static final int HISTORY = 1_000;
    static final int MIN_NEW = 10;
    static final int USUAL_SHARE_PERCENT = 95;
    private static final int STATE_VERSION = 1;
    // Kafka puts no bound on header keys; a key longer than this is no header anyone reads.
    private static final int MAX_KEY_BYTES = 1 << 16;

    private final String topic;
    private final Deque<Set<String>> history = new ArrayDeque<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final List<Keyed> window = new ArrayList<>(WINDOW);
    // Keys at least USUAL_SHARE_PERCENT % of the history carried, until they go missing or fall under half of it.
    private final Set<String> usual = new HashSet<>();
    // Per key, when records began to lack it: the first record without it after the last one with it.
    private final Map<String, Long> lackingSince = new HashMap<>();

    /** A watch over {@code topic}'s header keys. */
    public HeaderKeyChange(String topic) {
        this.topic = topic;
    }

    /**
     * Header keys that appeared or went missing.
     *
     * @param topic   the topic
     * @param at      when the change began: the first record carrying a new key, or the first lacking a gone one
     * @param added   keys new to the topic's records
     * @param gone    keys its records no longer carry
     * @param message a sentence an operator understands, with the numbers behind it
     */
    public record Finding(String topic, Instant at, Set<String> added, Set<String> gone, String message) {

        /** The last instant before the change: the point to restore the topic to. */
        public Instant suggestedRestorePoint() {
            return at.minusMillis(1);
        }
    }

    private record Keyed(long timestamp, Set<String> keys) {
    }

    /**
     * What it learned, to be {@linkplain #recall recalled} by the next run: the key sets of the last records and the
     * usual keys, as a dictionary of keys and runs of records carrying the same set; empty before any record was seen.
     */
    public Optional<byte[]> learned() {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        List<String> dictionary = new ArrayList<>(counts.keySet());
        Map<String, Integer> index = new HashMap<>();
        dictionary.forEach(k -> index.put(k, index.size()));
        LearnedState.Writer out = new LearnedState.Writer(STATE_VERSION).count(dictionary.size());
        dictionary.forEach(out::text);
        List<Set<String>> runs = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (Set<String> keys : history) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1).equals(keys)) {
                lengths.set(lengths.size() - 1, lengths.get(lengths.size() - 1) + 1);
            } else {
                runs.add(keys);
                lengths.add(1);
            }
        }
        out.count(runs.size());
        for (int r = 0; r < runs.size(); r++) {
            out.count(lengths.get(r)).count(runs.get(r).size());
            runs.get(r).forEach(k -> out.count(index.get(k)));
        }
        List<String> usualKnown = usual.stream().filter(index::containsKey).toList();
        out.count(usualKnown.size());
        usualKnown.forEach(k -> out.count(index.get(k)));
        return Optional.of(out.bytes());
    }

    /**
     * Takes up what a previous run {@linkplain #learned learned}, before any record is observed; throws
     * {@link IllegalArgumentException} for a state it cannot read, changing nothing.
     */
    public void recall(byte[] state) {
        LearnedState.Reader in = new LearnedState.Reader(state, STATE_VERSION, "header keys detector");
        int size = (int) in.count(HISTORY * 64L);
        List<String> dictionary = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            dictionary.add(in.text(MAX_KEY_BYTES));
        }
        List<Set<String>> records = new ArrayList<>();
        for (long runs = in.count(HISTORY); runs > 0; runs--) {
            long length = in.count(HISTORY - records.size());
            Set<String> keys = new HashSet<>();
            for (long n = in.count(dictionary.size()); n > 0; n--) {
                keys.add(dictionary.get((int) in.count(dictionary.size() - 1L)));
            }
            Set<String> run = Set.copyOf(keys);
            for (long i = 0; i < length; i++) {
                records.add(run);
            }
        }
        Set<String> usualKeys = new HashSet<>();
        for (long n = in.count(dictionary.size()); n > 0; n--) {
            usualKeys.add(dictionary.get((int) in.count(dictionary.size() - 1L)));
        }
        in.end();
        history.clear();
        counts.clear();
        lackingSince.clear();
        window.clear();
        records.forEach(this::remember);
        usual.clear();
        usual.addAll(usualKeys);
    }

    /** Takes the next examined record, written at {@code timestamp} (ms) with header keys {@code keys}. */
    public Optional<Finding> observe(long timestamp, Collection<String> keys) {
        Set<String> distinct = Set.copyOf(keys);
        counts.keySet().forEach(k -> {
            if (distinct.contains(k)) {
                lackingSince.remove(k);
            } else {
                lackingSince.putIfAbsent(k, timestamp);
            }
        });
        window.add(new Keyed(timestamp, distinct));
        if (window.size() < WINDOW) {
            return Optional.empty();
        }
        Optional<Finding> finding = history.size() < HISTORY ? Optional.empty() : judge();
        window.forEach(k -> remember(k.keys()));
        window.clear();
        return finding;
    }

    private Optional<Finding> judge() {
        Map<String, Integer> inWindow = new TreeMap<>();
        Map<String, Long> firstCarried = new HashMap<>();
        for (Keyed k : window) {
            for (String key : k.keys()) {
                inWindow.merge(key, 1, Integer::sum);
                firstCarried.merge(key, k.timestamp(), Math::min);
            }
        }
        counts.forEach((key, count) -> {
            if (count * 100L >= USUAL_SHARE_PERCENT * (long) history.size()) {
                usual.add(key);
            }
        });
        // A key fading out over thousands of records is a gradual change, not one to date.
        usual.removeIf(key -> counts.getOrDefault(key, 0) * 2 < history.size());
        Map<String, Integer> added = new TreeMap<>(inWindow);
        added.entrySet().removeIf(e -> counts.containsKey(e.getKey()) || e.getValue() < MIN_NEW);
        Map<String, Integer> gone = new TreeMap<>();
        for (String key : usual) {
            if (!inWindow.containsKey(key)) {
                gone.put(key, counts.get(key));
            }
        }
        usual.removeAll(gone.keySet());
        if (added.isEmpty() && gone.isEmpty()) {
            return Optional.empty();
        }
        long began = Long.MAX_VALUE;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : added.entrySet()) {
            began = Math.min(began, firstCarried.get(e.getKey()));
            parts.add("new key \"" + e.getKey() + "\" on " + e.getValue() + " of " + WINDOW + " records");
        }
        for (Map.Entry<String, Integer> e : gone.entrySet()) {
            began = Math.min(began, lackingSince.getOrDefault(e.getKey(), window.get(0).timestamp()));
            parts.add("key \"" + e.getKey() + "\" missing from all " + WINDOW + " records, before on "
                    + e.getValue() * 100 / history.size() + " %");
        }
        Instant at = Instant.ofEpochMilli(began);
        return Optional.of(new Finding(topic, at, Set.copyOf(added.keySet()), Set.copyOf(gone.keySet()), topic
                + ": header keys changed since " + at + ": " + String.join("; ", parts) + ". The last instant before it: "
                + at.minusMillis(1) + "."));
    }

    private void remember(Set<String> keys) {
        history.addLast(keys);
        keys.forEach(k -> counts.merge(k, 1, Integer::sum));
        if (history.size() > HISTORY) {
            history.removeFirst().forEach(k -> counts.computeIfPresent(k, (key, n) -> n == 1 ? null : n - 1));
        }
        lackingSince.keySet().retainAll(counts.keySet());
    }
}
