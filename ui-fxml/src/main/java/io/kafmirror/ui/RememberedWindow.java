package io.kafmirror.ui;

/**
 * What the console remembers between starts.
 *
 * @param screen   the screen shown last
 * @param theme    the theme chosen last
 * @param geometry where the window was
 */
public record RememberedWindow(Screen screen, Theme theme, WindowGeometry geometry) {
}
