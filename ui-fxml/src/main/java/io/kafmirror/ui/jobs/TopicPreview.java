package io.kafmirror.ui.jobs;

import io.kafmirror.engine.config.TopicSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which topics of a cluster a job's patterns select right now, as {@code kaf-mirror jobs preview} decides it
 * ({@link TopicSelection#matches}), and the topics an include pattern reaches that are left out anyway: those an
 * exclude pattern removes and Kafka's internal ones. Topics no include pattern reaches are counted, not listed.
 *
 * @param lines   the selected topics, then the excluded, then the internal ones, each sorted by name
 * @param summary e.g. {@code 2 of 14 topics selected, 1 excluded}, and why sizes are blank if they are
 */
public record TopicPreview(List<Line> lines, String summary) {

    /** Nothing to show yet. */
    public static final TopicPreview EMPTY = new TopicPreview(List.of(), "");

    /** How a topic stands with the patterns. */
    public enum Verdict {
        /** Mirrored. */
        SELECTED("selected"),
        /** An include pattern matches it, an exclude pattern too: excludes win. */
        EXCLUDED("excluded"),
        /** An include pattern matches it, but it is Kafka's own: never mirrored. */
        INTERNAL("internal, never mirrored");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        /** How the preview words it. */
        public String text() {
            return text;
        }
    }

    /**
     * One topic of the preview.
     *
     * @param topic   the topic
     * @param verdict whether it is mirrored, and why not
     */
    public record Line(TopicFacts topic, Verdict verdict) {

        /** The topic's name. */
        public String name() {
            return topic.name();
        }

        /** Its size in the largest binary unit with one decimal, or empty when unknown. */
        public String sizeText() {
            Long bytes = topic.bytes();
            if (bytes == null) {
                return "";
            }
            String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
            double value = bytes;
            int unit = 0;
            while (value >= 1024 && unit < units.length - 1) {
                value /= 1024;
                unit++;
            }
            return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
        }
    }

    /** The preview of {@code selection} over the topics of {@code listing}. */
    public static TopicPreview of(ClusterTopics.Listing listing, TopicSelection selection) {
        List<Pattern> includes = selection.includes().stream().map(Pattern::compile).toList();
        List<Pattern> excludes = selection.excludes().stream().map(Pattern::compile).toList();
        List<Line> selected = new ArrayList<>();
        List<Line> excluded = new ArrayList<>();
        List<Line> internal = new ArrayList<>();
        for (TopicFacts topic : listing.topics()) {
            if (selection.matches(topic.name()) && !topic.internal()) {
                selected.add(new Line(topic, Verdict.SELECTED));
            } else if (anyMatches(includes, topic.name())) {
                if (topic.internal()) {
                    internal.add(new Line(topic, Verdict.INTERNAL));
                } else if (anyMatches(excludes, topic.name())) {
                    excluded.add(new Line(topic, Verdict.EXCLUDED));
                }
            }
        }
        List<Line> lines = new ArrayList<>(selected);
        lines.addAll(excluded);
        lines.addAll(internal);
        String summary = selected.size() + " of " + listing.topics().size() + " topics selected"
                + (excluded.isEmpty() ? "" : ", " + excluded.size() + " excluded")
                + (internal.isEmpty() ? "" : ", " + internal.size() + " internal left out")
                + (listing.sizeNote().isEmpty() ? "" : ". " + listing.sizeNote());
        return new TopicPreview(List.copyOf(lines), summary);
    }

    private static boolean anyMatches(List<Pattern> patterns, String topic) {
        return patterns.stream().anyMatch(p -> p.matcher(topic).matches());
    }
}
