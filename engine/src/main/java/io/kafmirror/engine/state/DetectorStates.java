package io.kafmirror.engine.state;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.DetectorMemory;
import io.kafmirror.engine.anomaly.Sensitivity;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the jobs' anomaly detectors learned, kept between runs in {@code detector_state}: one row per job, detector and
 * scope (a topic, or the whole job), replaced at each save. A row is recalled only at the sensitivity it was learned at
 * and for the generation it was learned of (the topic's ID): the normal windows were chosen at that sensitivity, and a
 * recreated topic is another topic.
 */
public final class DetectorStates {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorStates.class);

    private final StateConnection db;
    private final Clock clock;

    DetectorStates(StateConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private record Row(String generation, String sensitivity, byte[] state) {
    }

    /** The memory of {@code job}'s detectors running at {@code sensitivity}. */
    public DetectorMemory of(String job, Sensitivity sensitivity) {
        JobStore.checkName(job);
        return new DetectorMemory() {
            @Override
            public Optional<byte[]> recall(Detector detector, String scope, String generation) {
                return DetectorStates.this.recall(job, sensitivity, detector, scope, generation);
            }

            @Override
            public void keep(List<Learned> learned) {
                DetectorStates.this.keep(job, sensitivity, learned);
            }
        };
    }

    /** Forgets what {@code job}'s {@code detectors} learned: a detector switched off and on again learns anew. */
    public void forget(String job, Set<Detector> detectors) {
        for (Detector d : detectors) {
            db.update("DELETE FROM detector_state WHERE job = ? AND detector = ?", job, d.name());
        }
    }

    private Optional<byte[]> recall(String job, Sensitivity sensitivity, Detector detector, String scope, String generation) {
        Optional<Row> kept = db.query("SELECT generation, sensitivity, state FROM detector_state WHERE job = ? AND detector = ?"
                        + " AND scope = ?", rs -> new Row(rs.getString(1), rs.getString(2), rs.getBytes(3)), job,
                detector.name(), scope).stream().findFirst();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Row row = kept.get();
        String of = scope.isEmpty() ? "job " + job : scope + " (job " + job + ")";
        if (!row.sensitivity().equals(sensitivity.name())) {
            LOG.info("The {} detector of {} learned at sensitivity {}, it now runs at {}: it learns anew", detector, of,
                    row.sensitivity(), sensitivity);
            return Optional.empty();
        }
        if (!row.generation().equals(generation)) {
            LOG.info("The {} detector learned {} when its topic ID was {}, it is now {} (the topic was created again):"
                    + " it learns anew", detector, of, row.generation(), generation);
            return Optional.empty();
        }
        return Optional.of(row.state());
    }

    private void keep(String job, Sensitivity sensitivity, List<DetectorMemory.Learned> learned) {
        if (learned.isEmpty()) {
            return;
        }
        long now = clock.millis();
        db.batch("MERGE INTO detector_state (job, detector, scope, generation, sensitivity, state, saved_at)"
                + " KEY (job, detector, scope) VALUES (?, ?, ?, ?, ?, ?, ?)", learned.stream()
                .map(l -> new Object[]{job, l.detector().name(), l.scope(), l.generation(), sensitivity.name(), l.state(), now})
                .toList());
    }
}
