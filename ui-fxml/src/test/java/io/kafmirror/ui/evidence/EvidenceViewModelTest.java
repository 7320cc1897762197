package io.kafmirror.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.evidence.EvidenceKey;
import io.kafmirror.engine.evidence.EvidencePack;
import io.kafmirror.engine.evidence.ExportSchedule;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.kfs.format.Sha256;
import io.kafmirror.ui.SameThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Evidence screen without a stage: periods from presets, the file name that follows them, and a real export. */
class EvidenceViewModelTest {

    // A clock fixed mid-quarter, so the presets' arithmetic is checked across month and quarter ends.
    private static final Instant NOW = Instant.parse("2026-12-03T10:15:00Z");

    @TempDir
    Path dir;

    private final List<Throwable> errors = new ArrayList<>();

    private EvidenceViewModel model(Path config, ZoneId zone) {
        return new EvidenceViewModel(new EvidenceState(config, dir.resolve("data")), new SameThread(), errors::add,
                Clock.fixed(NOW, zone), zone, dir.resolve("packs"));
    }

    @Test
    void presetsCoverTheLastSevenDaysUpToNowAndTheLastCompleteMonthAndQuarter() {
        EvidenceViewModel model = model(dir.resolve("config.yml"), ZoneOffset.UTC);

        assertThat(model.fromProperty().get()).as("opens on last month").isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(model.period().from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(model.period().to()).isEqualTo(Instant.parse("2026-11-30T23:59:59.999Z"));
        model.apply(PeriodPreset.LAST_QUARTER);
        assertThat(model.period().from()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(model.period().to()).isEqualTo(Instant.parse("2026-09-30T23:59:59.999Z"));
        model.apply(PeriodPreset.LAST_7_DAYS);
        assertThat(model.period().from()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(model.period().to()).as("today counts up to the export").isEqualTo(NOW);
        assertThat(model.periodText().get()).isEqualTo("Covers 2026-11-27T00:00:00Z to " + NOW + " (UTC), both included.");
        assertThat(PeriodPreset.LAST_QUARTER.from(LocalDate.parse("2027-01-15"))).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(PeriodPreset.LAST_MONTH.to(LocalDate.parse("2027-03-10"))).isEqualTo(LocalDate.parse("2027-02-28"));
    }

    @Test
    void daysAreThoseOfTheConsolesZone() {
        EvidenceViewModel model = model(dir.resolve("config.yml"), ZoneId.of("Europe/Berlin"));

        assertThat(model.period().from()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(model.period().to()).isEqualTo(Instant.parse("2026-11-30T22:59:59.999Z"));
    }

    @Test
    void aPeriodEndingBeforeItStartsCannotBeExportedAndSaysWhy() {
        EvidenceViewModel model = model(dir.resolve("config.yml"), ZoneOffset.UTC);

        model.fromProperty().set(LocalDate.parse("2026-11-20"));
        model.toProperty().set(LocalDate.parse("2026-11-10"));

        assertThat(model.canExport().get()).isFalse();
        assertThat(model.periodText().get()).contains("starts on 2026-11-20, after its last day 2026-11-10");
        model.fromProperty().set(LocalDate.parse("2026-12-04"));
        model.toProperty().set(LocalDate.parse("2026-12-05"));
        assertThat(model.periodText().get()).contains("in the future");
        assertThat(model.canExport().get()).isFalse();
    }

    @Test
    void theFileIsNamedForThePeriodUntilTheOperatorNamesIt() {
        EvidenceViewModel model = model(dir.resolve("config.yml"), ZoneOffset.UTC);

        assertThat(model.outFileProperty().get()).isEqualTo(dir.resolve("packs/evidence-2026-11-01-to-2026-11-30.zip").toString());
        model.apply(PeriodPreset.LAST_QUARTER);
        assertThat(model.outFileProperty().get()).isEqualTo(dir.resolve("packs/evidence-2026-07-01-to-2026-09-30.zip").toString());
        model.chosen(dir.resolve("audit/q3.zip"));
        model.apply(PeriodPreset.LAST_MONTH);
        assertThat(model.outFileProperty().get()).isEqualTo(dir.resolve("audit/q3.zip").toString());
        assertThat(model.replaceProperty().get()).as("the save dialog asked before replacing").isTrue();
        assertThat(model.folder()).isEqualTo(dir.resolve("audit"));
        assertThat(model.fileName()).isEqualTo("q3.zip");
    }

    @Test
    void theScheduledCommandNamesTheFolderTheStoreAndTheFilesOfThisConsole() throws IOException {
        Path config = writeConfig();
        EvidenceViewModel model = model(config, ZoneOffset.UTC);
        model.load();
        model.chosen(dir.resolve("compliance packs/pack.zip"));

        assertThat(model.scheduledCommand().get()).isEqualTo("kaf-mirror evidence scheduled --every monthly --folder '"
                + dir.resolve("compliance packs") + "' --config " + config + " --data " + dir.resolve("data"));
        model.storeProperty().set("local");
        model.everyProperty().set(ExportSchedule.WEEKLY);
        assertThat(model.scheduledCommand().get()).contains("--every weekly").endsWith(" --store local");
        assertThat(model.stores()).containsExactly(EvidenceViewModel.ALL_STORES, "local");
        assertThat(errors).isEmpty();
    }

    @Test
    void theSigningKeyIsShownWithItsWholeFingerprintGroupedAndCopiedWithItAsSha256sumPrintsIt() throws IOException {
        EvidenceViewModel model = model(writeConfig(), ZoneOffset.UTC);

        model.load();

        EvidenceKey key = EvidenceKey.loadOrCreate(dir.resolve("data"));
        assertThat(model.publicPemProperty().get()).isEqualTo(key.publicPem());
        assertThat(model.fingerprintProperty().get()).isEqualTo(key.fingerprint());
        String f = key.fingerprint();
        assertThat(model.groupedFingerprint()).hasSize(64 + 15).startsWith(f.substring(0, 4) + " " + f.substring(4, 8) + " ")
                .endsWith(" " + f.substring(60));
        assertThat(model.groupedFingerprint().replace(" ", "")).isEqualTo(f);
        assertThat(model.keyText()).startsWith(key.publicPem()).endsWith("SHA-256 fingerprint: " + f + "\n");
    }

    @Test
    void anExportWritesTheSignedPackSaysWhereAndHowToCheckItAndIsAudited() throws IOException {
        EvidenceViewModel model = model(writeConfig(), ZoneOffset.UTC);
        model.load();
        Files.createDirectories(dir.resolve("packs"));

        model.export();

        assertThat(errors).isEmpty();
        Path out = dir.resolve("packs/evidence-2026-11-01-to-2026-11-30.zip");
        Map<String, byte[]> files = PackFiles.of(out);
        EvidenceKey key = EvidenceKey.loadOrCreate(dir.resolve("data"));
        assertThat(key.verifies(files.get(EvidencePack.MANIFEST), files.get(EvidencePack.SIGNATURE))).isTrue();
        assertThat(model.outcome().get()).startsWith("Wrote " + out + "\n").contains("(" + String.format(Locale.ROOT, "%,d", Files.size(out))
                + " bytes)").contains("Manifest SHA-256: " + Sha256.hex(files.get(EvidencePack.MANIFEST)))
                .contains("follow VERIFY.md inside");
        assertThat(model.exportingProperty().get()).isFalse();
        try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "test")) {
            assertThat(state.audit().list(AuditFilter.all().ofAction("evidence.export"))).singleElement().satisfies(e -> {
                assertThat(e.actor()).as("the operating-system user of a folder without users").isEqualTo(System.getProperty("user.name"));
                assertThat(e.outcome()).isEqualTo(AuditOutcome.OK);
                assertThat(e.target()).isEqualTo(out.toString());
            });
        }

        model.export();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("already exists"));
        assertThat(model.exportingProperty().get()).isFalse();
    }

    @Test
    void anExportWithoutAConfigurationSaysToAddAStoreFirst() {
        EvidenceViewModel model = model(dir.resolve("missing.yml"), ZoneOffset.UTC);

        model.export();

        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("no configuration file at")
                .hasMessageContaining("add a store on the Clusters screen"));
        assertThat(model.outcome().get()).isEmpty();
    }

    private Path writeConfig() throws IOException {
        Files.createDirectories(dir.resolve("store"));
        return Files.writeString(dir.resolve("config.yml"), "stores:\n  local: { type: local, path: \"" + dir.resolve("store") + "\" }\n");
    }
}
