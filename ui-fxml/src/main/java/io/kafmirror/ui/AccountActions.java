package io.kafmirror.ui;

/**
 * What the main window's File menu offers about who acts, run on the FX thread: log out (a user logged in), create the
 * administrator (a data folder without users).
 *
 * @param logOut      ends the session and asks who logs in next
 * @param createAdmin asks for the administrator of a data folder without users
 */
public record AccountActions(Runnable logOut, Runnable createAdmin) {
}
