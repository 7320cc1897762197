package io.kafmirror.ui;

import java.util.concurrent.Callable;

/**
 * A command that whoever opens the console adds to its menus, such as the demo's "Inject a bad deploy".
 *
 * @param menu   the menu it goes in, added after the console's own when no menu has that name
 * @param label  the menu item's text
 * @param action what it does, run off the FX thread; returns what to tell the operator
 */
public record ConsoleAction(String menu, String label, Callable<String> action) {
}
