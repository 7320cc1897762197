package io.kafmirror.ui.clusters;

import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.ConfigName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The form of one named entry of the configuration, a cluster or a store: its fields as properties, a
 * {@link FieldNote} per field recomputed on every change, and the YAML it stands for.
 */
public abstract sealed class EntryForm permits ClusterForm, StoreForm {

    /** The note key of the entry's name. */
    public static final String NAME = "name";
    /** The note key of problems that belong to no single field. */
    public static final String GENERAL = "";

    private final StringProperty name = new SimpleStringProperty(this, NAME, "");
    private final Map<String, ReadOnlyObjectWrapper<FieldNote>> notes = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyObjectWrapper<CheckOutcome> lastTest = new ReadOnlyObjectWrapper<>(this, "lastTest");
    /** Paths, environment and the name check of the screen this form is part of. */
    protected final FormContext context;

    /** A form whose notes are kept under {@code keys} (YAML key paths below the entry) besides the name. */
    protected EntryForm(FormContext context, List<String> keys) {
        this.context = context;
        notes.put(NAME, new ReadOnlyObjectWrapper<>(FieldNote.NONE));
        notes.put(GENERAL, new ReadOnlyObjectWrapper<>(FieldNote.NONE));
        keys.forEach(key -> notes.put(key, new ReadOnlyObjectWrapper<>(FieldNote.NONE)));
        checkOnChange(name);
    }

    /** The section of the configuration this entry belongs to: {@code clusters} or {@code stores}. */
    public abstract String section();

    /** The entry as the YAML mapping {@code ConfigLoader} reads under its name, built from the fields as typed. */
    public abstract Map<String, Object> yaml();

    /** A new form of the same kind holding the same values, named {@code newName}. */
    public abstract EntryForm copy(String newName);

    /** Adds this kind's notes to {@code found} (keyed as given to the constructor), from the fields as they are now. */
    protected abstract void checkFields(Map<String, FieldNote> found);

    /** The entry's name in its section. */
    public StringProperty nameProperty() {
        return name;
    }

    /** What to show next to the field {@code key}. */
    public ReadOnlyObjectProperty<FieldNote> noteProperty(String key) {
        ReadOnlyObjectWrapper<FieldNote> note = notes.get(key);
        if (note == null) {
            throw new IllegalArgumentException("no field " + key + " in a " + getClass().getSimpleName());
        }
        return note.getReadOnlyProperty();
    }

    /** Whether no field has a problem. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** What the last Test connection of this entry found; {@code null} before the first. */
    public ReadOnlyObjectProperty<CheckOutcome> lastTestProperty() {
        return lastTest.getReadOnlyProperty();
    }

    void recordTest(CheckOutcome outcome) {
        lastTest.set(outcome);
    }

    /** Recomputes every note from the fields as they are now. */
    public final void check() {
        Map<String, FieldNote> found = new LinkedHashMap<>();
        found.put(NAME, nameNote());
        checkFields(found);
        boolean ok = true;
        for (Map.Entry<String, ReadOnlyObjectWrapper<FieldNote>> note : notes.entrySet()) {
            FieldNote now = found.getOrDefault(note.getKey(), FieldNote.NONE);
            note.getValue().set(now);
            ok &= !now.isError();
        }
        valid.set(ok);
    }

    /**
     * Shows a problem the engine found when the entry was read as configuration, next to the field it names
     * (or as a general problem), until the next change.
     */
    public void show(ConfigException problem) {
        List<String> path = problem.path().segments();
        for (int length = path.size(); length > 0; length--) {
            ReadOnlyObjectWrapper<FieldNote> note = notes.get(String.join(".", path.subList(0, length)));
            if (note != null) {
                note.set(FieldNote.error(problem.problem()));
                valid.set(false);
                return;
            }
        }
        notes.get(GENERAL).set(FieldNote.error(problem.getMessage()));
        valid.set(false);
    }

    /** Recomputes the notes whenever one of {@code fields} changes. */
    protected final void checkOnChange(Observable... fields) {
        for (Observable field : fields) {
            field.addListener(o -> {
                check();
                context.changed().run();
            });
        }
    }

    private FieldNote nameNote() {
        String value = name.get();
        if (value == null || value.isBlank()) {
            return FieldNote.error("a name is required: " + ConfigName.RULE);
        }
        if (!ConfigName.isValid(value)) {
            return FieldNote.error("'" + value + "' is not a valid name: use " + ConfigName.RULE);
        }
        if (context.nameTaken().test(this, value)) {
            return FieldNote.error("another entry under " + section() + " is named '" + value + "': choose another name");
        }
        return FieldNote.NONE;
    }

    /** The note for a secret field: none when empty, where it comes from, or why it cannot be saved as typed. */
    protected FieldNote secretNote(String text) {
        return context.environment().secretNote(text);
    }

    /** The fields that hold secrets (a cluster's client properties besides). */
    protected abstract List<StringProperty> secretFields();

    /** The secrets as typed, for encrypting those in clear ahead of {@link #encryptSecrets}, off the FX thread. */
    public List<String> secretsAsTyped() {
        return secretFields().stream().map(StringProperty::get).toList();
    }

    /**
     * Replaces each secret typed in clear by its encrypted value, when the console has a passphrase; before saving. Quick
     * for the secrets encrypted ahead ({@link EnvironmentValues#sealAhead}).
     */
    public void encryptSecrets() {
        secretFields().forEach(this::encryptSecret);
    }

    /** Replaces the text of the secret field {@code field} by its encrypted value if it is typed in clear. */
    protected final void encryptSecret(StringProperty field) {
        String written = context.environment().encryptedIfClear(field.get());
        if (!written.equals(field.get())) {
            field.set(written);
        }
    }

    /** The note for a plain field that may refer to the environment. */
    protected FieldNote plainNote(String text) {
        return context.environment().note(text, false).orElse(FieldNote.NONE);
    }

    /** Whether {@code text} holds something other than blanks. */
    protected static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
