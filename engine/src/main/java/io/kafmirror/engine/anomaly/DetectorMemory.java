package io.kafmirror.engine.anomaly;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one job's detectors keep what they learned (baselines, usual formats) between runs, so a restarted job judges
 * its topics at once instead of learning them again. Implementations decide what is still valid: a state learned at
 * another sensitivity, or of another generation of a topic, is not recalled.
 */
public interface DetectorMemory {

    /** Keeps nothing and recalls nothing: every run learns anew. */
    DetectorMemory NONE = new DetectorMemory() {
        @Override
        public Optional<byte[]> recall(Detector detector, String scope, String generation) {
            return Optional.empty();
        }

        @Override
        public void keep(List<Learned> learned) {
        }
    };

    /**
     * What one detector learned of one scope.
     *
     * @param detector   the detector
     * @param scope      the topic it watches, or {@code ""} for the whole job
     * @param generation what the state is only valid for, such as the topic's ID; {@code ""} for none
     * @param state      the detector's encoded state
     */
    record Learned(Detector detector, String scope, String generation, byte[] state) {
    }

    /** What {@code detector} learned of {@code scope} in {@code generation}, when kept and still valid. */
    Optional<byte[]> recall(Detector detector, String scope, String generation);

    /** Keeps {@code learned}, replacing what was kept for the same detectors and scopes, in one write. */
    void keep(List<Learned> learned);

    /**
     * Hands what {@code detector} learned of {@code scope} to {@code restore}; a state it refuses (another encoding
     * version, a damaged row) is logged and left, and the detector learns anew: remembering is never a reason to stop.
     */
    default void restore(Detector detector, String scope, String generation, Consumer<byte[]> restore) {
        Logger log = LoggerFactory.getLogger(DetectorMemory.class);
        try {
            recall(detector, scope, generation).ifPresent(restore);
        } catch (RuntimeException e) {
            log.warn("What the {} detector learned of {} is not used, it learns anew: {}", detector,
                    scope.isEmpty() ? "the job" : scope, e.getMessage());
        }
    }
}
