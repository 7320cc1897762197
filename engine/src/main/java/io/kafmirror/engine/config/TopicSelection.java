package io.kafmirror.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which topics a job mirrors: those whose whole name matches an include pattern and no exclude
 * pattern. Patterns are Java regular expressions matched against the <em>whole</em> name, so
 * {@code orders.*} selects {@code orders.eu} but not {@code xorders}. Excludes win over includes.
 *
 * <p>Topics starting with {@code __} ({@code __consumer_offsets}, {@code __transaction_state}, …) are
 * Kafka's own bookkeeping and never selected, whatever the patterns say: restoring them would corrupt
 * the target cluster's group and transaction state. Nor are restore drills' scratch topics ({@value #DRILL_SCRATCH_PREFIX}…),
 * which a drill writes to the job's own source cluster unless told otherwise and deletes when it ends.
 *
 * <p>In YAML, {@code topics:} is either the includes alone or a mapping with {@code include} and
 * {@code exclude}; each is a comma-separated string or, for patterns that contain a comma, a list.
 */
public final class TopicSelection {

    /** The prefix reserved for restore drills' scratch topics: {@code kaf-mirror.drill.<drill id>.<topic>}. */
    public static final String DRILL_SCRATCH_PREFIX = "kaf-mirror.drill.";

    private static final String INTERNAL_PREFIX = "__";

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    private TopicSelection(List<Pattern> includes, List<Pattern> excludes) {
        if (includes.isEmpty()) {
            throw ConfigException.of("no topic is included: give at least one pattern, e.g. orders.* (.* for all topics)");
        }
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    /** The topics matching the comma-separated {@code includes} and none of the comma-separated {@code excludes}. */
    public static TopicSelection parse(String includes, String excludes) {
        return of(split(includes), split(excludes));
    }

    /** The topics matching one of {@code includes} and none of {@code excludes}, each a whole regular expression. */
    public static TopicSelection of(List<String> includes, List<String> excludes) {
        return new TopicSelection(compileAll(ConfigPath.ROOT, includes), compileAll(ConfigPath.ROOT, excludes));
    }

    /** Whether the job mirrors {@code topic}. */
    public boolean matches(String topic) {
        return !topic.startsWith(INTERNAL_PREFIX) && !topic.startsWith(DRILL_SCRATCH_PREFIX) && anyMatches(includes, topic) && !anyMatches(excludes, topic);
    }

    /** Of {@code topics}, those the job mirrors, sorted by name: what {@code jobs preview} shows. */
    public SortedSet<String> selectFrom(Collection<String> topics) {
        SortedSet<String> selected = new TreeSet<>();
        for (String topic : topics) {
            if (matches(topic)) {
                selected.add(topic);
            }
        }
        return selected;
    }

    /** The include patterns as written. */
    public List<String> includes() {
        return texts(includes);
    }

    /** The exclude patterns as written. */
    public List<String> excludes() {
        return texts(excludes);
    }

    /**
     * Compiles one topic pattern; a {@link ConfigException} quotes the pattern and where in it the
     * regular expression breaks.
     */
    static Pattern compile(String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            String where = e.getIndex() >= 0 ? " at position " + e.getIndex() + " (" + pointAt(pattern, e.getIndex()) + ")" : "";
            throw ConfigException.at(ConfigPath.ROOT, "the topic pattern '" + pattern + "' is not a valid Java regular"
                    + " expression: " + e.getDescription() + where + ". Escape literal characters such as [ ( with a backslash.", e);
        }
    }

    /** Reads {@code topics:} as YAML gives it: a string, a list, or a mapping with include and exclude. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TopicSelection fromYaml(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!"include".equals(key) && !"exclude".equals(key)) {
                    throw ConfigException.at(String.valueOf(key), "is not a key of topics: use include and exclude");
                }
            }
            ConfigPath include = ConfigPath.of("include");
            ConfigPath exclude = ConfigPath.of("exclude");
            return new TopicSelection(compileAll(include, patterns(include, map.get("include"))),
                    compileAll(exclude, patterns(exclude, map.get("exclude"))));
        }
        return new TopicSelection(compileAll(ConfigPath.ROOT, patterns(ConfigPath.ROOT, value)), List.of());
    }

    /** How the selection is written back: the includes alone, or include and exclude. */
    @JsonValue
    Object written() {
        if (excludes.isEmpty()) {
            return written(includes());
        }
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("include", written(includes()));
        both.put("exclude", written(excludes()));
        return both;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicSelection other && includes().equals(other.includes()) && excludes().equals(other.excludes());
    }

    @Override
    public int hashCode() {
        return Objects.hash(includes(), excludes());
    }

    @Override
    public String toString() {
        return String.join(",", includes()) + (excludes.isEmpty() ? "" : " minus " + String.join(",", excludes()));
    }

    private static List<String> patterns(ConfigPath where, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item instanceof Map || item instanceof List || item == null) {
                    throw ConfigException.at(where.element(i), "is not a topic pattern: write a regular expression");
                }
                texts.add(item.toString().strip());
            }
            return texts;
        }
        if (value instanceof Map) {
            throw ConfigException.at(where, "is a mapping: write the patterns as a comma-separated string or a list");
        }
        return split(value.toString());
    }

    private static List<String> split(String patterns) {
        List<String> texts = new ArrayList<>();
        if (patterns != null) {
            for (String pattern : patterns.split(",")) {
                if (!pattern.isBlank()) {
                    texts.add(pattern.strip());
                }
            }
        }
        return texts;
    }

    private static List<Pattern> compileAll(ConfigPath where, List<String> patterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                compiled.add(compile(pattern));
            } catch (ConfigException e) {
                throw ConfigException.at(where, e.problem(), e.getCause());
            }
        }
        return compiled;
    }

    private static Object written(List<String> patterns) {
        return patterns.stream().anyMatch(p -> p.contains(",")) ? patterns : String.join(",", patterns);
    }

    private static boolean anyMatches(List<Pattern> patterns, String topic) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(topic).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).toList();
    }

    private static String pointAt(String pattern, int index) {
        int at = Math.min(index, pattern.length());
        return "after '" + pattern.substring(0, at) + "'";
    }
}
