package io.kafmirror.engine.restore;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.StateDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The holes the backup engine recorded in a restored topic: source records deleted by retention before
 * they were stored ({@link MirrorEvent.Type#GAP}). A restore across one restores everything stored, and
 * the operator must know what is missing; the plan itself cannot see it, as compaction and transaction
 * markers leave offset holes too.
 */
public final class RecordedGaps {

    private final StateDatabase state;

    /** The gaps recorded in {@code state}'s job history. */
    public RecordedGaps(StateDatabase state) {
        this.state = state;
    }

    /**
     * One warning per gap recorded on a partition of {@code plan}, by a job backing up its cluster (or a job since
     * removed, which cannot be told apart), with the engine's own description of the missing offsets.
     */
    public List<String> warnings(RestorePlan plan) {
        String topic = plan.request().topic();
        Set<Integer> partitions = plan.cuts().stream().map(PartitionCut::partition).collect(Collectors.toSet());
        Map<String, String> sourceOfJob = state.jobs().list().stream()
                .collect(Collectors.toMap(Job::name, j -> j.config().source()));
        return state.history().query(HistoryFilter.all().types(MirrorEvent.Type.GAP)).stream()
                .filter(e -> topic.equals(e.topic()) && partitions.contains(e.partition()))
                .filter(e -> sourceOfJob.getOrDefault(e.job(), plan.request().cluster()).equals(plan.request().cluster()))
                .map(RecordedGaps::warning)
                .toList();
    }

    private static String warning(HistoryEntry gap) {
        return "Partition " + gap.partition() + " of '" + gap.topic() + "' has a recorded gap (job " + gap.job() + ", "
                + gap.at() + "): " + gap.message() + " Those records are not in the backup and cannot be restored.";
    }
}
