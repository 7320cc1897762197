package io.kafmirror.ui.restore;

import io.kafmirror.engine.restore.GroupOffsetTranslation;
import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.engine.restore.RestoreProgress;
import io.kafmirror.engine.restore.RestoreVerification;
import io.kafmirror.engine.state.RestoreRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Restore screen's sentences about a restore: its dry run, its progress and how it ended. */
final class RestoreWords {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private RestoreWords() {
    }

    /**
     * What {@code plan} would restore into {@code order}'s target, with its warnings: as {@code kaf-mirror restore
     * --dry-run}, the plan only; the target is neither created nor checked.
     */
    static String dryRun(RestorePlan plan, RestoreOrder order) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Dry run: %,d records (%,d bytes) of %d partition(s) of %s %s %s would be restored into '%s' on cluster %s."
                        + " Nothing was written: Restore creates the topic if it is missing, or checks that it is empty%s.",
                plan.records(), plan.bytes(), plan.cuts().size(), order.topic(),
                order.scope().from() == null ? "up to" : "from " + order.scope().from() + " up to", order.point(), order.targetTopic(),
                order.targetCluster(), order.target().append() ? " (here: that it has every partition, appending)" : " (unless Append)"));
        plan.warnings().forEach(w -> text.append("\n! ").append(w));
        return text.toString();
    }

    /** Records and bytes done so far and, once the rate is known, the time left. */
    static String progress(RestoreProgress progress, Instant now) {
        String done = String.format(Locale.ROOT, "%,d of %,d records, %,d bytes written", progress.records(),
                progress.plannedRecords(), progress.bytes());
        return progress.remaining(now).map(left -> done + ", about " + duration(left) + " left").orElse(done);
    }

    /** How each topic's restore ended, in plain words, one paragraph each. */
    static String results(List<TopicOutcome> outcomes) {
        return outcomes.stream().map(o -> o.result() != null ? result(o.result())
                : "Restore of " + o.order().topic().topic() + " into '" + o.order().targetTopic() + "' " + (o.failure() == null
                        ? "not started: cancelled before it. Press Restore again to run it."
                        : "failed: " + o.failure().getMessage() + " Press Restore again to resume it."))
                .collect(Collectors.joining("\n"));
    }

    /** How {@code result} ended, in plain words. */
    static String result(ClusterRestore.Result result) {
        RestoreRecord record = result.record();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Restore #%d %s: %,d of %,d records in '%s' on %s.",
                record.id(), record.state().name().toLowerCase(Locale.ROOT), record.restoredRecords(),
                record.spec().plannedRecords(), record.spec().targetTopic(), record.spec().targetCluster()));
        if (record.state() != RestoreRecord.RestoreState.COMPLETED) {
            text.append(" Press Restore again to resume it.");
        }
        if (result.groups() != null) {
            text.append(groups(result.groups()));
        }
        RestoreVerification v = result.verification();
        if (v == null) {
            if (record.state() == RestoreRecord.RestoreState.COMPLETED) {
                text.append("\nNot verified: Verify after restore was off.");
            }
        } else if (v.passed()) {
            text.append(String.format(Locale.ROOT, "\nVerification passed: all %,d records read back equal the backup (%s).",
                    found(v), duration(v.duration())));
        } else {
            text.append(String.format(Locale.ROOT, "\nVerification FAILED: %,d records read back, %,d differ; first at partition %d, offset %d: %s (%s).",
                    found(v), v.partitions().stream().mapToLong(RestoreVerification.Partition::differing).sum(),
                    v.firstMismatch().partition(), v.firstMismatch().targetOffset(), v.firstMismatch().difference(),
                    duration(v.duration())));
        }
        result.warnings().forEach(w -> text.append("\n! ").append(w));
        return text.toString();
    }

    private static String groups(GroupOffsetTranslation moved) {
        if (moved.groups().isEmpty()) {
            return "\nNo consumer group had offsets on the topic in the snapshot of " + moved.snapshot().takenAt() + ".";
        }
        StringBuilder text = new StringBuilder("\nConsumer groups set on '" + moved.targetTopic() + "' as of the snapshot of "
                + moved.snapshot().takenAt() + ":");
        moved.groups().forEach(g -> text.append(" ").append(g.targetGroup()).append(" at ").append(g.offsets().stream()
                .map(o -> o.partition() + ":" + String.format(Locale.ROOT, "%,d", o.targetOffset()))
                .collect(Collectors.joining(", ", "[", "]"))).append(";"));
        text.setLength(text.length() - 1);
        text.append(".");
        moved.warnings().forEach(w -> text.append("\n! ").append(w));
        return text.toString();
    }

    private static long found(RestoreVerification v) {
        return v.partitions().stream().mapToLong(RestoreVerification.Partition::found).sum();
    }

    /** {@code at} to the second, in UTC, e.g. {@code 2026-12-02 09:13:05}: when a restore started or ended. */
    static String moment(Instant at) {
        return MOMENT.format(at);
    }

    /** {@code d} in the unit a person reads it in: ms below a second, s below two minutes, else min and s. */
    static String duration(Duration d) {
        return d.toSeconds() < 1 ? d.toMillis() + " ms" : d.toSeconds() < 120 ? d.toSeconds() + " s"
                : d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
}
