package io.kafmirror.ui.evidence;

import io.kafmirror.engine.evidence.EvidenceKey;
import io.kafmirror.engine.evidence.EvidencePack;
import io.kafmirror.engine.evidence.EvidencePeriod;
import io.kafmirror.engine.evidence.ExportSchedule;
import io.kafmirror.engine.evidence.PackExport;
import io.kafmirror.ui.Background;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Evidence screen: a period (days in the console's zone, both included, the last one up to the export), a store or
 * all of them and a zip file; Export writes the signed pack off the FX thread as {@code kaf-mirror evidence export} does
 * and says where it is, how large, the manifest's SHA-256 and how to check it. It shows the signing key's public half and
 * fingerprint for auditors, and the {@code kaf-mirror evidence scheduled} command that exports every period by itself.
 * Use on the FX thread.
 */
public final class EvidenceViewModel {

    /** The store choice that packs every configured store. */
    public static final String ALL_STORES = "All stores";

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+-]+");

    private final EvidenceState state;
    private final Background background;
    private final Consumer<Throwable> errors;
    private final Clock clock;
    private final ZoneId zone;
    private final Path defaultFolder;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObservableList<String> stores = FXCollections.observableArrayList(ALL_STORES);
    private final ObjectProperty<String> store = new SimpleObjectProperty<>(this, "store", ALL_STORES);
    private final StringProperty outFile = new SimpleStringProperty(this, "outFile", "");
    private final BooleanProperty replace = new SimpleBooleanProperty(this, "replace");
    private final ObjectProperty<ExportSchedule> every = new SimpleObjectProperty<>(this, "every", ExportSchedule.MONTHLY);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyObjectWrapper<PackExport.Exported> exported = new ReadOnlyObjectWrapper<>(this, "exported");
    private final ReadOnlyStringWrapper publicPem = new ReadOnlyStringWrapper(this, "publicPem", "");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper(this, "fingerprint", "");
    private final StringBinding periodText;
    private final StringBinding outcome;
    private final StringBinding scheduledCommand;
    private final BooleanBinding canExport;

    /**
     * The screen over {@code state}, its work on {@code background}, failures to {@code errors}; days are those of
     * {@code zone} with today from {@code clock}, and packs go into {@code defaultFolder} until another is chosen.
     */
    public EvidenceViewModel(EvidenceState state, Background background, Consumer<Throwable> errors, Clock clock, ZoneId zone,
                             Path defaultFolder) {
        this.state = state;
        this.background = background;
        this.errors = errors;
        this.clock = clock;
        this.zone = zone;
        this.defaultFolder = defaultFolder;
        periodText = Bindings.createStringBinding(this::describePeriod, from, to);
        canExport = Bindings.createBooleanBinding(() -> !exporting.get() && period() != null && !outFile.get().isBlank(), exporting,
                from, to, outFile);
        outcome = Bindings.createStringBinding(() -> exported.get() == null ? "" : describe(exported.get()), exported);
        scheduledCommand = Bindings.createStringBinding(this::command, every, store, outFile);
        from.addListener((o, before, after) -> renameDefaultFile(before, to.get()));
        to.addListener((o, before, after) -> renameDefaultFile(from.get(), before));
        apply(PeriodPreset.LAST_MONTH);
    }

    /** The first day of the period, in the console's zone. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last day of the period, included. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** {@link #ALL_STORES}, then the configured stores. */
    public ObservableList<String> stores() {
        return stores;
    }

    /** The store chosen, or {@link #ALL_STORES}. */
    public ObjectProperty<String> storeProperty() {
        return store;
    }

    /** The zip file to write; a relative path lies in the default folder. */
    public StringProperty outFileProperty() {
        return outFile;
    }

    /** Whether an existing file is replaced (the CLI's {@code --overwrite}). */
    public BooleanProperty replaceProperty() {
        return replace;
    }

    /** How often the scheduled command exports. */
    public ObjectProperty<ExportSchedule> everyProperty() {
        return every;
    }

    /** Whether an export is running. */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** The last pack written, null before the first. */
    public ReadOnlyObjectProperty<PackExport.Exported> exportedProperty() {
        return exported.getReadOnlyProperty();
    }

    /** The signing key's public half as PEM, empty until read. */
    public ReadOnlyStringProperty publicPemProperty() {
        return publicPem.getReadOnlyProperty();
    }

    /** The signing key's SHA-256 fingerprint in full, empty until read. */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    /** The period as exported, in UTC, or why it cannot be. */
    public StringBinding periodText() {
        return periodText;
    }

    /** What the last export wrote and how to check it; empty before the first. */
    public StringBinding outcome() {
        return outcome;
    }

    /** The command that writes the pack of every completed period into the chosen file's folder, for cron or a systemd timer. */
    public StringBinding scheduledCommand() {
        return scheduledCommand;
    }

    /** Whether Export can start: a valid period and a file, and no export running. */
    public BooleanBinding canExport() {
        return canExport;
    }

    /** Sets the period to {@code preset} as seen today. */
    public void apply(PeriodPreset preset) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        from.set(preset.from(today));
        to.set(preset.to(today));
    }

    /** Reads the configured stores and the signing key (creating it if it is missing), off the FX thread. */
    public void load() {
        background.run(state::stores, this::storesRead, errors);
        background.run(state::key, this::keyRead, errors);
    }

    /** Takes {@code file} chosen in a save dialog, which has asked whether to replace it if it exists. */
    public void chosen(Path file) {
        outFile.set(file.toString());
        replace.set(true);
    }

    /** The folder a save dialog opens in: the chosen file's, else the default one. */
    public Path folder() {
        Path parent = outPath().getParent();
        return parent == null ? defaultFolder : parent;
    }

    /** The name a save dialog proposes: the chosen file's. */
    public String fileName() {
        return outPath().getFileName().toString();
    }

    /** Writes the pack, off the FX thread; its failure goes to the notifications. */
    public void export() {
        EvidencePeriod period = period();
        if (period == null || exporting.get()) {
            return;
        }
        List<String> chosen = ALL_STORES.equals(store.get()) || store.get() == null ? List.of() : List.of(store.get());
        Path out = outPath();
        boolean overwrite = replace.get();
        exporting.set(true);
        background.run(() -> state.export(period, chosen, out, overwrite), pack -> {
            exporting.set(false);
            exported.set(pack);
        }, failure -> {
            exporting.set(false);
            errors.accept(failure);
        });
    }

    /** The public key and its full fingerprint, as the Copy button puts them on the clipboard. */
    public String keyText() {
        return publicPem.get() + "SHA-256 fingerprint: " + fingerprint.get() + "\n";
    }

    /** The whole fingerprint in groups of four hex digits, as an auditor reads it aloud or compares it by eye; empty until read. */
    public String groupedFingerprint() {
        return String.join(" ", fingerprint.get().split("(?<=\\G.{4})"));
    }

    /** The period the days stand for: from the start of the first to the end of the last, at most now; null if it ends first. */
    EvidencePeriod period() {
        if (from.get() == null || to.get() == null) {
            return null;
        }
        Instant start = from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get().plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
        Instant now = clock.instant();
        end = end.isAfter(now) ? now : end;
        return start.isAfter(end) ? null : new EvidencePeriod(start, end);
    }

    private String describePeriod() {
        EvidencePeriod period = period();
        if (from.get() == null || to.get() == null) {
            return "Pick the first and the last day of the period.";
        }
        if (period == null) {
            return from.get().isAfter(to.get()) ? "The period starts on " + from.get() + ", after its last day " + to.get()
                    + ": pick a first day before the last." : "The period starts on " + from.get() + ", in the future: pick a"
                    + " day up to today.";
        }
        return "Covers " + period.from() + " to " + period.to() + " (UTC), both included.";
    }

    private Path outPath() {
        String text = outFile.get().strip();
        Path path = text.isEmpty() ? defaultFolder.resolve(defaultName(from.get(), to.get())) : Path.of(text);
        return path.isAbsolute() ? path : defaultFolder.resolve(path);
    }

    // A name the operator did not choose follows the period; one they typed or picked stays.
    private void renameDefaultFile(LocalDate previousFrom, LocalDate previousTo) {
        String current = outFile.get();
        String previousName = defaultName(previousFrom, previousTo);
        if (current.isBlank() || outPath().getFileName().toString().equals(previousName)) {
            Path folder = current.isBlank() ? defaultFolder : folder();
            outFile.set(folder.resolve(defaultName(from.get(), to.get())).toString());
        }
    }

    private static String defaultName(LocalDate first, LocalDate last) {
        return "evidence-" + first + "-to-" + last + ".zip";
    }

    private void storesRead(List<String> configured) {
        String kept = store.get();
        List<String> choices = new ArrayList<>();
        choices.add(ALL_STORES);
        choices.addAll(configured);
        stores.setAll(choices);
        store.set(choices.contains(kept) ? kept : ALL_STORES);
    }

    private void keyRead(EvidenceKey key) {
        publicPem.set(key.publicPem());
        fingerprint.set(key.fingerprint());
    }

    private String command() {
        StringBuilder command = new StringBuilder("kaf-mirror evidence scheduled --every ")
                .append(every.get().name().toLowerCase(Locale.ROOT))
                .append(" --folder ").append(shell(folder().toString()))
                .append(" --config ").append(shell(state.configFile().toAbsolutePath().toString()))
                .append(" --data ").append(shell(state.dataDir().toAbsolutePath().toString()));
        if (store.get() != null && !ALL_STORES.equals(store.get())) {
            command.append(" --store ").append(shell(store.get()));
        }
        return command.toString();
    }

    private static String shell(String word) {
        return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static String describe(PackExport.Exported pack) {
        return "Wrote " + pack.file() + "\n"
                + "Size: " + size(pack.sizeBytes()) + ", " + pack.files() + " files, " + pack.segments() + " segments of "
                + String.join(", ", pack.stores()) + ", " + pack.period().from() + " to " + pack.period().to() + "\n"
                + "Manifest SHA-256: " + pack.manifestSha256() + "\n"
                + "To check it: unzip it and follow " + EvidencePack.VERIFY + " inside (sha256sum -c " + EvidencePack.MANIFEST
                + ", then openssl pkeyutl -verify with " + EvidencePack.PUBLIC_KEY + ").";
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        String[] units = {"KiB", "MiB", "GiB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%,d bytes)", value, units[unit], bytes);
    }
}
