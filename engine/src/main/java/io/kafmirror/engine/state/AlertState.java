package io.kafmirror.engine.state;

/** Where an {@link Alert} stands. */
public enum AlertState {
    /** Nobody has acknowledged it and no mute covers it: it counts, and the console shows it as new. */
    OPEN,
    /** Someone acknowledged it; this wins over a mute. */
    ACKNOWLEDGED,
    /** A {@link Mute} covers it: still stored and listed, but not counted as open. */
    MUTED
}
