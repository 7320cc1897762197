package io.kafmirror.ui.users;

import java.util.Objects;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A new password typed twice, as the CLI asks it: a typing mistake must not lock a user out. Use on the FX thread. */
public final class PasswordTwice {

    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty again = new SimpleStringProperty(this, "again", "");

    /** The password. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** The same password again. */
    public StringProperty againProperty() {
        return again;
    }

    /** The password, when both are the same; else an {@link IllegalArgumentException} saying so. */
    char[] confirmed() {
        if (!Objects.equals(password.get(), again.get())) {
            throw new IllegalArgumentException("The two passwords differ; nothing was changed. Type the same password twice.");
        }
        return password.get().toCharArray();
    }

    /** Empties both. */
    void clear() {
        password.set("");
        again.set("");
    }
}
