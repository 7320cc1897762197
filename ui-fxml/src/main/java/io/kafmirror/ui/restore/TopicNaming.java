package io.kafmirror.ui.restore;

import io.kafmirror.engine.restore.TopicMapping;

/** How the Restore screen names the target topic: the choices of {@code kaf-mirror restore --mapping}. */
public enum TopicNaming {
    /** The source topic's name. */
    SAME("Same name", ""),
    /** The source topic's name after a prefix. */
    PREFIX("Prefix", "restored."),
    /** A regular expression over the whole source name, and its replacement. */
    REGEX("Regex", "(.*)=$1.restored");

    private final String label;
    private final String example;

    TopicNaming(String label, String example) {
        this.label = label;
        this.example = example;
    }

    /** What the operator types for it first: a prefix, or {@code pattern=replacement}; empty for {@link #SAME}. */
    public String example() {
        return example;
    }

    /** The mapping with {@code text} (the prefix, or {@code pattern=replacement}); an IllegalArgumentException says why there is none. */
    public TopicMapping mapping(String text) {
        return TopicMapping.parse(switch (this) {
            case SAME -> "same";
            case PREFIX -> "prefix:" + text;
            case REGEX -> "regex:" + text;
        });
    }

    @Override
    public String toString() {
        return label;
    }
}
