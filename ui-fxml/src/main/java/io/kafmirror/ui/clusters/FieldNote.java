package io.kafmirror.ui.clusters;

/**
 * What a form shows next to one field while it is typed: nothing, a remark (e.g. that the value comes from an
 * environment variable), or a problem that keeps the form from being saved.
 *
 * @param kind whether the note blocks saving
 * @param text the note in plain words; empty for {@link #NONE}
 */
public record FieldNote(Kind kind, String text) {

    /** How serious a note is. */
    public enum Kind {
        /** Nothing to say. */
        NONE,
        /** A remark; the value can be saved. */
        INFO,
        /** A problem; the value cannot be saved as it is. */
        ERROR
    }

    /** No note. */
    public static final FieldNote NONE = new FieldNote(Kind.NONE, "");

    /** A problem with the value, saying what to do. */
    public static FieldNote error(String text) {
        return new FieldNote(Kind.ERROR, text);
    }

    /** A remark about the value. */
    public static FieldNote info(String text) {
        return new FieldNote(Kind.INFO, text);
    }

    /** Whether this note keeps the form from being saved. */
    public boolean isError() {
        return kind == Kind.ERROR;
    }
}
