package io.kafmirror.engine.evidence;

import io.kafmirror.engine.state.DrillRecord;
import io.kafmirror.engine.state.DrillRecord.DrillState;
import io.kafmirror.engine.state.StateDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The restore drills of a pack's period ({@code DrillLog.between}): the {@code restore-drills} table, one row per drill
 * started in the period, oldest first, and a sentence counting those that passed, failed, stopped (their program killed
 * or crashed: not a pass) and still run, and naming the last failure.
 */
public final class DrillFindings implements FindingsSource {

    private static final String TABLE = "restore-drills";
    private static final List<String> COLUMNS = List.of("id", "job", "mode", "topics", "restore_point", "started_at", "finished_at",
            "updated_at", "state", "records", "bytes", "finding", "leftover");
    // What the report shows of each drill; the rest is in the CSV and JSON.
    private static final List<String> SHOWN = List.of("id", "job", "mode", "topics", "started_at", "state", "finding");

    private final StateDatabase state;

    /** The drills recorded in {@code state}. */
    public DrillFindings(StateDatabase state) {
        this.state = state;
    }

    @Override
    public Findings collect(EvidencePeriod period) {
        List<DrillRecord> drills = state.drills().between(period.from(), period.to(), null);
        List<List<Object>> rows = new ArrayList<>();
        for (DrillRecord d : drills) {
            List<Object> row = new ArrayList<>(List.of(d.id(), d.job(), d.mode().name(), String.join(",", d.topics()),
                    d.restorePoint().toString(), d.startedAt().toString()));
            row.add(d.finishedAt() == null ? null : d.finishedAt().toString());
            row.add(d.lastSign().toString());
            row.addAll(List.of(d.state().name(), d.records(), d.bytes()));
            row.add(d.finding());
            row.add(d.leftover());
            rows.add(row);
        }
        return new Findings(true, summary(drills), new EvidenceTable(TABLE, COLUMNS, rows), SHOWN);
    }

    private static String summary(List<DrillRecord> drills) {
        if (drills.isEmpty()) {
            return "No restore drill was started in the period.";
        }
        long passed = count(drills, DrillState.PASSED);
        long failed = count(drills, DrillState.FAILED);
        long stopped = count(drills, DrillState.STOPPED);
        long running = count(drills, DrillState.RUNNING);
        String sentence = drills.size() + (drills.size() == 1 ? " restore drill" : " restore drills") + " started in the period: "
                + passed + " passed, " + failed + " failed";
        if (stopped > 0) {
            sentence += ", " + stopped + " stopped (never ended: their program was killed or crashed)";
        }
        if (running > 0) {
            sentence += ", " + running + " still running";
        }
        DrillRecord last = null;
        for (DrillRecord d : drills) {
            if (d.state() == DrillState.FAILED) {
                last = d;
            }
        }
        if (last == null) {
            return sentence + ".";
        }
        return sentence + ". The last failure: drill #" + last.id() + " of job " + last.job() + " ("
                + last.mode().name().toLowerCase(Locale.ROOT) + ") started at " + last.startedAt() + ": " + last.finding();
    }

    private static long count(List<DrillRecord> drills, DrillState state) {
        return drills.stream().filter(d -> d.state() == state).count();
    }
}
