package io.kafmirror.ui.restore;

import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.Severity;
import io.kafmirror.engine.restore.RecordedGaps;
import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.engine.restore.RestorePlanner;
import io.kafmirror.engine.restore.RestoreRequest;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.Alert;
import io.kafmirror.engine.state.AlertFilter;
import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.ConsoleState;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The backups the Restore screen picks from, as {@code kaf-mirror restore} opens them: the stores of the configuration
 * file, each with its catalog in the data folder, and the job history of the state database for the events. Blocks on
 * H2 and the stores: call it off the FX thread.
 */
public final class StoredBackups implements AutoCloseable {

    /**
     * The events marked on the timeline: those that change what a restore point means. Before a retention or group
     * offset change, a restore recreates the topic with its former retention and moves the groups to their former offsets;
     * after a spike, misdated records, values of another size, new header keys or keys of another variety the topic
     * holds records a restore may want to leave out. A drop adds none, nor a lag spike: the records are as they
     * were, only stored later.
     */
    private static final MirrorEvent.Type[] MARKED = {MirrorEvent.Type.GAP, MirrorEvent.Type.TOPIC_DELETED,
            MirrorEvent.Type.TOPIC_RECREATED, MirrorEvent.Type.AUTH_FAILURE, MirrorEvent.Type.FORMAT_DRIFT,
            MirrorEvent.Type.THROUGHPUT_SPIKE, MirrorEvent.Type.TIMESTAMP_SKEW, MirrorEvent.Type.RECORD_SIZE_SHIFT,
            MirrorEvent.Type.HEADER_KEYS_CHANGED, MirrorEvent.Type.KEY_CARDINALITY_SHIFT, MirrorEvent.Type.RETENTION_LOWERED,
            MirrorEvent.Type.GROUP_OFFSETS_DELETED, MirrorEvent.Type.GROUP_OFFSETS_RESET};

    private final Path configFile;
    private final Path dataDir;
    private MirrorConfig config;
    private OpenStores stores;
    private final ConsoleState state;
    // False after close() until stores() is called again: a read meanwhile (a task that was already queued when the
    // screen was left) closes what it opened, so no catalog or state database stays open behind another screen.
    private boolean held;

    /** The backups of the stores {@code configFile} declares, with catalogs and state in {@code dataDir}; nothing opened yet. */
    public StoredBackups(Path configFile, Path dataDir) {
        this.configFile = configFile;
        this.dataDir = dataDir;
        this.state = new ConsoleState(dataDir);
    }

    /** The configured stores' names, reading the configuration file again; what later reads open stays open until {@link #close()}. */
    public synchronized List<String> stores() {
        release();
        open();
        held = true;
        return List.copyOf(config.stores().keySet());
    }

    private void open() {
        config = Files.isRegularFile(configFile) ? new ConfigLoader().load(configFile) : MirrorConfig.EMPTY;
        stores = new OpenStores(config, dataDir);
    }

    /** The topics {@code store} holds, of every backed-up cluster, sorted by cluster then topic. */
    public synchronized List<BackedUpTopic> topics(String store) {
        return reading(() -> {
            SegmentArchive archive = archive(store);
            List<BackedUpTopic> topics = new ArrayList<>();
            for (String cluster : archive.catalog().clusters()) {
                archive.catalog().topics(cluster).forEach(t -> topics.add(new BackedUpTopic(cluster, t)));
            }
            topics.sort(Comparator.comparing(BackedUpTopic::cluster).thenComparing(BackedUpTopic::topic));
            return topics;
        });
    }

    /**
     * The topic of {@code topics} with the newest open critical alert, which the Restore screen opens on as the one the
     * operator most likely came for; else the first.
     */
    public synchronized Optional<BackedUpTopic> firstToShow(List<BackedUpTopic> topics) {
        return reading(() -> {
            Map<String, JobConfig> jobs = jobs();
            for (Alert alert : state.get().alerts().list(AlertFilter.open().severities(Severity.CRITICAL))) {
                Optional<BackedUpTopic> flagged = topics.stream()
                        .filter(t -> alert.topic() != null && concerns(alert.topic(), jobs.get(alert.job()), t))
                        .findFirst();
                if (flagged.isPresent()) {
                    return flagged;
                }
            }
            return topics.stream().findFirst();
        });
    }

    /**
     * Where job {@code job} backs up {@code topic}: its store and source cluster; empty when the job is not configured
     * (any more) or does not select the topic.
     */
    public synchronized Optional<Located> locate(String job, String topic) {
        return reading(() -> {
            JobConfig config = jobs().get(job);
            return config == null || !config.topics().matches(topic) ? Optional.empty()
                    : Optional.of(new Located(config.store(), new BackedUpTopic(config.source(), topic)));
        });
    }

    /**
     * A backed-up topic and the store holding it.
     *
     * @param store the configured store
     * @param topic the topic, with its cluster
     */
    public record Located(String store, BackedUpTopic topic) {
    }

    /**
     * The timeline of generation {@code generation} (a topic ID; null for the newest) of {@code topic} in {@code store}:
     * its density in {@code buckets} buckets, the topic's generations and its recorded events.
     */
    public synchronized BackupTimeline timeline(String store, BackedUpTopic topic, UUID generation, int buckets) {
        return reading(() -> {
            List<CatalogEntry> segments = archive(store).catalog().segments(topic.cluster(), topic.topic());
            List<TopicGeneration> generations = TopicGeneration.of(segments);
            TopicGeneration shown = generations.stream().filter(g -> generation == null ? g.newest() : g.topicId().equals(generation))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("Topic '" + topic.topic() + "' has no generation "
                            + generation + " in store " + store + " any more: pick one of " + generations));
            RecordDensity density = RecordDensity.of(segments.stream().filter(e -> e.topicId().equals(shown.topicId()))
                    .flatMap(e -> e.chunks().stream()).toList(), buckets);
            return new BackupTimeline(topic, shown, generations, density, events(topic));
        });
    }

    /**
     * The plan of {@code request} from {@code store}, with the gaps the job history recorded among its warnings, as
     * {@code kaf-mirror restore --dry-run} prints it; a {@link io.kafmirror.engine.restore.RestorePlanException} says
     * what the backup holds when it cannot be planned.
     */
    public synchronized RestorePlan plan(String store, RestoreRequest request) {
        return reading(() -> plan(archive(store), state.get(), request));
    }

    /** The plan of {@code request} from {@code archive}, with the gaps {@code state} recorded among its warnings. */
    static RestorePlan plan(SegmentArchive archive, StateDatabase state, RestoreRequest request) {
        RestorePlan planned = new RestorePlanner(archive).plan(request);
        List<String> warnings = new ArrayList<>(planned.warnings());
        warnings.addAll(new RecordedGaps(state).warnings(planned));
        return new RestorePlan(planned.request(), planned.topicId(), planned.cuts(), warnings);
    }

    /** Up to {@code count} records of {@code partition} on each side of its cut in {@code plan}, read from {@code store}. */
    public synchronized List<PreviewRecord> preview(String store, RestorePlan plan, int partition, int count) {
        return reading(() -> new CutNeighbours(archive(store), count).around(plan, partition));
    }

    /** Every restore the state database holds, newest first, as {@code kaf-mirror restore status} lists them. */
    public synchronized List<RestoreRecord> restores() {
        return reading(() -> state.get().restores().list());
    }

    /**
     * The events recorded on {@code topic} (or on a whole job, for authentication failures) by the jobs that back it up:
     * those reading its cluster with patterns that select it. A removed job's events stay, as its history does.
     */
    private List<TimelineEvent> events(BackedUpTopic topic) {
        Map<String, JobConfig> jobs = jobs();
        return state.get().history().query(HistoryFilter.all().types(MARKED)).stream()
                .filter(e -> concerns(e.topic(), jobs.get(e.job()), topic))
                .sorted(Comparator.comparing(HistoryEntry::at))
                .map(e -> new TimelineEvent(e.at(), e.type(), e.job(), e.message()))
                .toList();
    }

    private Map<String, JobConfig> jobs() {
        return state.get().jobs().list().stream().collect(Collectors.toMap(Job::name, Job::config));
    }

    /**
     * Whether an event on {@code eventTopic} (null: the whole job) of a job configured as {@code job} (null once removed:
     * then only its events naming the topic) concerns {@code topic}.
     */
    private static boolean concerns(String eventTopic, JobConfig job, BackedUpTopic topic) {
        if (job == null) {
            return topic.topic().equals(eventTopic);
        }
        return (eventTopic == null || eventTopic.equals(topic.topic()))
                && job.source().equals(topic.cluster()) && job.topics().matches(topic.topic());
    }

    private SegmentArchive archive(String store) {
        if (stores == null) {
            open();
        }
        return stores.archive(store);
    }

    /**
     * Closes the stores, catalogs and state database. A read before the next {@link #stores()} opens what it needs and
     * closes it again.
     */
    @Override
    public synchronized void close() {
        held = false;
        release();
    }

    /** The answer of {@code read}, closing what it opened unless a shown screen holds it open. */
    private <T> T reading(Supplier<T> read) {
        try {
            return read.get();
        } finally {
            if (!held) {
                release();
            }
        }
    }

    private void release() {
        if (stores != null) {
            stores.close();
            stores = null;
        }
        state.close();
    }
}
