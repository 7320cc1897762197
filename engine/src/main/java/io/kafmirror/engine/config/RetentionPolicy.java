package io.kafmirror.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.RetentionMode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Object Lock retention of a job's segments, per topic: the first rule whose pattern matches the
 * whole topic name wins, in the order written, and topics no pattern matches get the default rule.
 */
public final class RetentionPolicy {

    /** No segment is locked. */
    public static final RetentionPolicy NONE = new RetentionPolicy(null, null);

    private final RetentionRule defaultRule;
    private final Map<String, RetentionRule> topics;
    private final Map<Pattern, RetentionRule> compiled;

    /** {@code defaultRule} (absent: none) for every topic that no pattern of {@code topics} matches. */
    @JsonCreator
    public RetentionPolicy(@JsonProperty("default") RetentionRule defaultRule,
                           @JsonProperty("topics") Map<String, RetentionRule> topics) {
        this.defaultRule = defaultRule != null ? defaultRule : RetentionRule.NONE;
        Map<String, RetentionRule> rules = new LinkedHashMap<>();
        Map<Pattern, RetentionRule> patterns = new LinkedHashMap<>();
        if (topics != null) {
            topics.forEach((pattern, rule) -> {
                ConfigPath where = ConfigPath.of("topics", pattern);
                if (rule == null) {
                    throw ConfigException.at(where, "has no rule: write none, or { mode: ..., duration: ... }");
                }
                try {
                    patterns.put(TopicSelection.compile(pattern), rule);
                } catch (ConfigException e) {
                    throw ConfigException.at(where, e.problem(), e.getCause());
                }
                rules.put(pattern, rule);
            });
        }
        this.topics = Collections.unmodifiableMap(rules);
        this.compiled = Collections.unmodifiableMap(patterns);
    }

    /** The rule for topics that no pattern matches. */
    @JsonProperty("default")
    public RetentionRule defaultRule() {
        return defaultRule;
    }

    /** The per-topic rules by pattern, in the order they are tried. */
    @JsonProperty("topics")
    public Map<String, RetentionRule> topics() {
        return topics;
    }

    /** The rule that applies to {@code topic}. */
    public RetentionRule ruleFor(String topic) {
        for (Map.Entry<Pattern, RetentionRule> rule : compiled.entrySet()) {
            if (rule.getKey().matcher(topic).matches()) {
                return rule.getValue();
            }
        }
        return defaultRule;
    }

    /**
     * The rule keeping objects longest, COMPLIANCE before GOVERNANCE on equal durations: what applies to objects
     * that serve every topic of the job, like snapshots, which a restore of any of them needs as long as its segments.
     */
    public RetentionRule longest() {
        RetentionRule longest = defaultRule;
        for (RetentionRule rule : topics.values()) {
            if (keepsLonger(rule, longest)) {
                longest = rule;
            }
        }
        return longest;
    }

    private static boolean keepsLonger(RetentionRule a, RetentionRule b) {
        if (a.mode() == null) {
            return false;
        }
        if (b.mode() == null) {
            return true;
        }
        int byDuration = a.duration().compareTo(b.duration());
        return byDuration > 0 || byDuration == 0 && a.mode() == RetentionMode.COMPLIANCE && b.mode() != RetentionMode.COMPLIANCE;
    }

    /** The retention of a segment of {@code topic} sealed at {@code sealedAt}, or {@link ObjectRetention#NONE}. */
    public ObjectRetention forTopic(String topic, Instant sealedAt) {
        return ruleFor(topic).from(sealedAt);
    }

    // The rules are tried in order, so the same rules in another order are another policy; Map.equals ignores order.
    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionPolicy other && defaultRule.equals(other.defaultRule)
                && List.copyOf(topics.entrySet()).equals(List.copyOf(other.topics.entrySet()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultRule, topics);
    }

    @Override
    public String toString() {
        return "RetentionPolicy[default=" + defaultRule + ", topics=" + topics + "]";
    }
}
