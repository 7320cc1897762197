package io.kafmirror.engine.restore;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a source topic's name becomes the target topic's name: kept ({@code same}), prefixed
 * ({@code prefix:restored.}) or rewritten by a regular expression ({@code regex:events\.(.*)=bdr.events.$1}).
 * The syntax is in {@code docs/restore.md}; every result is checked to be a valid Kafka topic name.
 */
public sealed interface TopicMapping {

    /** The longest topic name Kafka accepts. */
    int MAX_NAME_LENGTH = 249;

    /** The name of the target topic for {@code sourceTopic}; an {@link IllegalArgumentException} says why there is none. */
    String target(String sourceTopic);

    /** The target topic has the source topic's name. */
    record SameName() implements TopicMapping {
        @Override
        public String target(String sourceTopic) {
            return validName(sourceTopic, this);
        }

        @Override
        public String toString() {
            return "same";
        }
    }

    /** The target topic is the source topic's name after {@code prefix}. */
    record Prefix(String prefix) implements TopicMapping {
        /** Refuses an empty prefix, which would be {@link SameName} in disguise. */
        public Prefix {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("The mapping 'prefix:' has no prefix: write e.g. prefix:restored.");
            }
        }

        @Override
        public String target(String sourceTopic) {
            return validName(prefix + sourceTopic, this);
        }

        @Override
        public String toString() {
            return "prefix:" + prefix;
        }
    }

    /**
     * The target topic is {@code replacement} with {@code $1}, {@code ${name}} standing for the groups of the Java
     * regular expression {@code pattern}, which must match the whole source topic name.
     */
    record Regex(String pattern, String replacement) implements TopicMapping {
        /** Refuses a pattern that is not a regular expression. */
        public Regex {
            compile(pattern);
        }

        @Override
        public String target(String sourceTopic) {
            Matcher m = compile(pattern).matcher(sourceTopic);
            if (!m.matches()) {
                throw new IllegalArgumentException("Topic '" + sourceTopic + "' does not match the mapping pattern '" + pattern
                        + "' (the whole name must match): change the pattern, or restore it with another mapping");
            }
            StringBuilder name = new StringBuilder();
            try {
                m.appendReplacement(name, replacement);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("The mapping replacement '" + replacement + "' does not fit the pattern '"
                        + pattern + "': " + e.getMessage() + ". Refer only to its groups, as $1 or ${name}", e);
            }
            return validName(name.toString(), this);
        }

        @Override
        public String toString() {
            return "regex:" + pattern + "=" + replacement;
        }

        private static Pattern compile(String pattern) {
            try {
                return Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("The mapping pattern '" + pattern + "' is not a Java regular expression: "
                        + e.getDescription() + " at index " + e.getIndex(), e);
            }
        }
    }

    /**
     * Reads a mapping as the CLI writes it: {@code same}, {@code prefix:<prefix>} or {@code regex:<pattern>=<replacement>}.
     * The replacement follows the last {@code =}, since a topic name cannot hold one and a pattern may.
     */
    static TopicMapping parse(String text) {
        String mapping = text.strip();
        if (mapping.equals("same")) {
            return new SameName();
        }
        if (mapping.startsWith("prefix:")) {
            return new Prefix(mapping.substring("prefix:".length()));
        }
        if (mapping.startsWith("regex:")) {
            String rule = mapping.substring("regex:".length());
            int equals = rule.lastIndexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("The mapping '" + mapping + "' needs a pattern and a replacement: write"
                        + " regex:<pattern>=<replacement>, e.g. regex:events\\.(.*)=bdr.events.$1");
            }
            return new Regex(rule.substring(0, equals), rule.substring(equals + 1));
        }
        throw new IllegalArgumentException("'" + mapping + "' is not a topic mapping: write same, prefix:<prefix>"
                + " (e.g. prefix:restored.) or regex:<pattern>=<replacement> (e.g. regex:events\\.(.*)=bdr.events.$1)");
    }

    private static String validName(String name, TopicMapping mapping) {
        String problem = null;
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            problem = "Kafka does not accept '" + name + "' as a topic name";
        } else if (name.length() > MAX_NAME_LENGTH) {
            problem = "it has " + name.length() + " characters, Kafka accepts at most " + MAX_NAME_LENGTH;
        } else if (!name.matches("[a-zA-Z0-9._-]+")) {
            problem = "Kafka topic names hold only the characters a-z A-Z 0-9 . _ -";
        }
        if (problem != null) {
            throw new IllegalArgumentException("The mapping " + mapping + " gives the target topic name '" + name + "', which is"
                    + " not valid: " + problem + ". Choose a mapping that gives a valid name");
        }
        return name;
    }
}
