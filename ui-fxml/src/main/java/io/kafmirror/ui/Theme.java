package io.kafmirror.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The console's two looks: AtlantaFX Primer light and dark. */
public enum Theme {
    /** Dark text on light surfaces. */
    LIGHT,
    /** Light text on dark surfaces. */
    DARK;

    /** The user-agent stylesheet that draws every control in this theme. */
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** The other theme. */
    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    /** The theme named {@code name()} (as remembered), or {@code fallback} when there is none by that name. */
    public static Theme byName(String name, Theme fallback) {
        for (Theme theme : values()) {
            if (theme.name().equals(name)) {
                return theme;
            }
        }
        return fallback;
    }
}
