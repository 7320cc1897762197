package io.kafmirror.engine.config;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.Sensitivity;
import java.util.EnumSet;
import java.util.Set;

/**
 * A job's anomaly detection: which detectors are switched off and how sensitive the others are.
 *
 * @param off         the detectors switched off; empty for none
 * @param sensitivity how far from the usual a value must be to be reported; null for {@link Sensitivity#NORMAL}
 */
public record AnomalySettings(Set<Detector> off, Sensitivity sensitivity) {

    /** Every detector on, at normal sensitivity. */
    public static final AnomalySettings DEFAULT = new AnomalySettings(null, null);

    /** Copies the set. */
    public AnomalySettings {
        off = off == null || off.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(off));
    }

    /** Whether {@code detector} runs. */
    public boolean on(Detector detector) {
        return !off.contains(detector);
    }

    /** The sensitivity: {@link #sensitivity}, normal by default. */
    public Sensitivity level() {
        return sensitivity == null ? Sensitivity.NORMAL : sensitivity;
    }
}
