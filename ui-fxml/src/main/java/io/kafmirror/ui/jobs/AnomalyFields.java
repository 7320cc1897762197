package io.kafmirror.ui.jobs;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.Sensitivity;
import io.kafmirror.engine.config.AnomalySettings;
import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.DurationText;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The job form's "Anomaly detection" section: the sensitivity, the lag ceiling (empty for the default, which is shown) and
 * a switch per detector, the ceiling checked as typed by the rule of {@code anomalies.max_lag}. Use on the FX thread.
 */
public final class AnomalyFields {

    private final ObservableStringValue flushLinger;
    private final ObjectProperty<Sensitivity> sensitivity = new SimpleObjectProperty<>(Sensitivity.NORMAL);
    private final StringProperty maxLag = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper maxLagError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maxLagDefault = new ReadOnlyStringWrapper("");
    private final Map<Detector, BooleanProperty> on = new EnumMap<>(Detector.class);

    /** The section of a form whose flush linger is {@code flushLinger}, which the ceiling must exceed. */
    AnomalyFields(ObservableStringValue flushLinger) {
        this.flushLinger = flushLinger;
        for (Detector detector : Detector.values()) {
            on.put(detector, new SimpleBooleanProperty(true));
        }
        maxLag.addListener((o, before, after) -> validate());
        flushLinger.addListener((o, before, after) -> validate());
        validate();
    }

    /** Shows {@code settings}. */
    void fill(AnomalySettings settings) {
        sensitivity.set(settings.level());
        maxLag.set(settings.maxLag() == null ? "" : DurationText.format(settings.maxLag()));
        on.forEach((detector, switched) -> switched.set(settings.on(detector)));
    }

    /** The settings shown, or {@code kept} (null for a new job) when they mean the same, so an unchanged job stays equal. */
    AnomalySettings toSettings(AnomalySettings kept) {
        Set<Detector> off = EnumSet.noneOf(Detector.class);
        on.forEach((detector, switched) -> {
            if (!switched.get()) {
                off.add(detector);
            }
        });
        AnomalySettings shown = new AnomalySettings(off, sensitivity.get(), maxLag.get().isBlank() ? null : DurationText.parse(maxLag.get()));
        AnomalySettings before = kept == null ? AnomalySettings.DEFAULT : kept;
        boolean same = before.off().equals(shown.off()) && before.level() == shown.level()
                && Objects.equals(before.maxLag(), shown.maxLag());
        return same ? kept : shown;
    }

    private void validate() {
        Duration linger = linger();
        maxLagDefault.set(linger == null ? "" : "default " + DurationText.format(AnomalySettings.DEFAULT.lagCeiling(linger)));
        String text = maxLag.get() == null ? "" : maxLag.get().strip();
        if (text.isEmpty()) {
            maxLagError.set("");
            return;
        }
        try {
            Duration ceiling = DurationText.parse(text);
            if (ceiling.isZero() || ceiling.isNegative()) {
                maxLagError.set("'" + text + "' must be positive, e.g. 5m");
            } else {
                // Against an unreadable linger there is nothing to compare: the linger's own error says what to fix.
                if (linger != null) {
                    AnomalySettings.checkMaxLag(ceiling, linger);
                }
                maxLagError.set("");
            }
        } catch (ConfigException e) {
            maxLagError.set("'" + text + "' " + e.problem());
        } catch (IllegalArgumentException e) {
            maxLagError.set(e.getMessage());
        }
    }

    private Duration linger() {
        try {
            return flushLinger.get() == null ? null : DurationText.parse(flushLinger.get().strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How far from the usual a value must be to be reported. */
    public ObjectProperty<Sensitivity> sensitivityProperty() {
        return sensitivity;
    }

    /** The lag ceiling, e.g. 10m; empty for the default. */
    public StringProperty maxLagProperty() {
        return maxLag;
    }

    /** What is wrong with the lag ceiling, or empty. */
    public ReadOnlyStringProperty maxLagErrorProperty() {
        return maxLagError.getReadOnlyProperty();
    }

    /** The ceiling that applies while the field is empty, e.g. "default 5m". */
    public ReadOnlyStringProperty maxLagDefaultProperty() {
        return maxLagDefault.getReadOnlyProperty();
    }

    /** Each detector's switch, in the engine's order: true while it runs. */
    public Map<Detector, BooleanProperty> detectors() {
        return Collections.unmodifiableMap(on);
    }
}
