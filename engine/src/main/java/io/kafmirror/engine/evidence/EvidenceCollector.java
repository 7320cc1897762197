package io.kafmirror.engine.evidence;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.LocalStoreConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.SeparationWarnings;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.Alert;
import io.kafmirror.engine.state.AlertFilter;
import io.kafmirror.engine.state.AuditAction;
import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.LagPercentiles;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Gathers what an evidence pack says about a period: the scope from the configuration and the state database, what
 * each store holds and under which retention ({@link SegmentInventory}), the recovery point per topic from the metrics
 * history, the alerts and job history of the period, the restores and their verification, and the findings of the
 * parts plugged in through {@link FindingsSource} (restore drills, the audit trail).
 */
public final class EvidenceCollector {

    /** How many alerts, and how many history entries, a pack lists at most: the newest of the period. */
    public static final int ROW_LIMIT = 100_000;

    private final MirrorConfig config;
    private final StateDatabase state;
    private final OpenStores stores;
    private final FindingsSource drills;
    private final FindingsSource audit;
    private final Clock clock;
    private final String version;
    private final int rowLimit;

    /**
     * A collector reading {@code config}, {@code state} and the configured stores opened by {@code stores}, with the
     * findings of {@code drills} and {@code audit}, stamped with {@code clock}'s time and {@code version}, listing at most
     * {@link #ROW_LIMIT} alerts and history entries.
     */
    public EvidenceCollector(MirrorConfig config, StateDatabase state, OpenStores stores, FindingsSource drills,
                             FindingsSource audit, Clock clock, String version) {
        this(config, state, stores, drills, audit, clock, version, ROW_LIMIT);
    }

    /** As the public constructor, listing at most {@code rowLimit} alerts and history entries (tests: a small cap). */
    EvidenceCollector(MirrorConfig config, StateDatabase state, OpenStores stores, FindingsSource drills, FindingsSource audit,
                      Clock clock, String version, int rowLimit) {
        if (rowLimit <= 0) {
            throw new IllegalArgumentException("An evidence pack's row limit must be positive, not " + rowLimit);
        }
        this.config = config;
        this.state = state;
        this.stores = stores;
        this.drills = drills;
        this.audit = audit;
        this.clock = clock;
        this.version = version;
        this.rowLimit = rowLimit;
    }

    /**
     * What the pack says about {@code period} and the stores {@code storesAsked} (configured names, each once however
     * often asked; an unknown one is refused naming those there are).
     */
    public EvidenceData collect(EvidencePeriod period, List<String> storesAsked) {
        state.require(AuditAction.EVIDENCE_EXPORT, "evidence " + period.from() + " to " + period.to());
        List<String> storeNames = storesAsked.stream().distinct().toList();
        storeNames.forEach(config::store);
        Instant now = clock.instant();
        Map<String, List<Job>> stateJobs = state.jobs().list().stream().collect(Collectors.groupingBy(Job::name));
        Map<String, EvidenceTable> tables = new LinkedHashMap<>();
        put(tables, clusters());
        put(tables, storesTable(storeNames));
        put(tables, jobs(stateJobs));
        List<List<Object>> coverage = new ArrayList<>();
        List<List<Object>> segments = new ArrayList<>();
        List<List<Object>> locks = new ArrayList<>();
        for (String name : storeNames) {
            SegmentArchive archive = stores.archive(name);
            List<CatalogEntry> entries = archive.catalog().all();
            coverage.addAll(coverage(name, entries, period));
            SegmentInventory.Result inventory = new SegmentInventory(name, archive, entries, now).take();
            segments.addAll(inventory.segments());
            locks.add(inventory.lock());
        }
        put(tables, new EvidenceTable(EvidenceData.COVERAGE, List.of("store", "cluster", "topic", "partitions", "segments", "records",
                "bytes", "first_record_at", "last_record_at", "segments_sealed_in_period", "records_sealed_in_period"), coverage));
        put(tables, rpo(period, stateJobs.keySet()));
        List<String> cut = new ArrayList<>();
        put(tables, capped(alerts(period), cut));
        put(tables, capped(history(period), cut));
        put(tables, restores(period));
        put(tables, new EvidenceTable(EvidenceData.SEGMENTS, SegmentInventory.COLUMNS, segments));
        put(tables, new EvidenceTable(EvidenceData.OBJECT_LOCK, SegmentInventory.LOCK_COLUMNS, locks));
        put(tables, separation(storeNames));
        Findings drillFindings = drills.collect(period);
        Findings auditFindings = audit.collect(period);
        put(tables, drillFindings.table());
        put(tables, auditFindings.table());
        put(tables, ControlMapping.table());
        return new EvidenceData(period, now, version, tables, drillFindings, auditFindings, rowLimit, cut);
    }

    /** The separation warnings of the configuration about the stores in scope (messages never hold a secret's value). */
    private EvidenceTable separation(List<String> storeNames) {
        List<List<Object>> rows = SeparationWarnings.of(config).stream().filter(w -> storeNames.contains(w.store()))
                .map(w -> Arrays.<Object>asList(w.kind().name(), w.store(), w.cluster(), w.job(), w.message())).toList();
        return new EvidenceTable(EvidenceData.SEPARATION, List.of("kind", "store", "cluster", "job", "warning"), rows);
    }

    /** {@code table} (read with one row more than the limit) cut to its first, newest rows, named in {@code cut} if it was. */
    private EvidenceTable capped(EvidenceTable table, List<String> cut) {
        if (table.rows().size() <= rowLimit) {
            return table;
        }
        cut.add(table.name());
        return new EvidenceTable(table.name(), table.columns(), table.rows().subList(0, rowLimit));
    }

    private static void put(Map<String, EvidenceTable> tables, EvidenceTable table) {
        tables.put(table.name(), table);
    }

    private EvidenceTable clusters() {
        List<List<Object>> rows = new ArrayList<>();
        config.clusters().forEach((name, cluster) -> rows.add(List.of(name, cluster.brokers(), jobsUsing(j -> j.source().equals(name)))));
        return new EvidenceTable(EvidenceData.CLUSTERS, List.of("cluster", "brokers", "jobs"), rows);
    }

    private EvidenceTable storesTable(List<String> storeNames) {
        List<List<Object>> rows = new ArrayList<>();
        for (String name : storeNames) {
            String type = config.store(name) instanceof LocalStoreConfig ? "local folder" : "S3 bucket";
            rows.add(List.of(name, type, stores.archive(name).store().location(), jobsUsing(j -> j.store().equals(name))));
        }
        return new EvidenceTable(EvidenceData.STORES, List.of("store", "type", "location", "jobs"), rows);
    }

    private String jobsUsing(Predicate<JobConfig> uses) {
        TreeSet<String> names = new TreeSet<>();
        config.jobs().forEach((name, job) -> {
            if (uses.test(job)) {
                names.add(name);
            }
        });
        state.jobs().list().stream().filter(j -> uses.test(j.config())).forEach(j -> names.add(j.name()));
        return String.join(" ", names);
    }

    private EvidenceTable jobs(Map<String, List<Job>> stateJobs) {
        TreeMap<String, JobConfig> all = new TreeMap<>(config.jobs());
        stateJobs.forEach((name, jobs) -> all.putIfAbsent(name, jobs.get(0).config()));
        List<List<Object>> rows = new ArrayList<>();
        all.forEach((name, job) -> {
            Job held = stateJobs.containsKey(name) ? stateJobs.get(name).get(0) : null;
            String where = config.jobs().containsKey(name) ? (held == null ? "configuration" : "configuration, state database")
                    : "state database";
            List<Object> row = new ArrayList<>(List.of(name, where, job.source(), job.store(), String.join(" ", job.topics().includes()),
                    String.join(" ", job.topics().excludes())));
            row.add(held == null ? "RUNNING" : held.desiredState().name());
            row.add(job.retention().defaultRule().mode() == null ? "none"
                    : job.retention().defaultRule().mode() + " " + job.retention().defaultRule().duration());
            row.add(held == null ? null : held.created().toString());
            rows.add(row);
        });
        return new EvidenceTable(EvidenceData.JOBS, List.of("job", "defined_in", "source", "store", "topics", "excluded", "desired_state",
                "default_retention", "added_at"), rows);
    }

    private static List<List<Object>> coverage(String store, List<CatalogEntry> entries, EvidencePeriod period) {
        Map<List<String>, List<CatalogEntry>> byTopic = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        entries.forEach(e -> byTopic.computeIfAbsent(List.of(e.cluster(), e.topic()), k -> new ArrayList<>()).add(e));
        List<List<Object>> rows = new ArrayList<>();
        byTopic.forEach((topic, segments) -> {
            long partitions = segments.stream().flatMap(e -> e.chunks().stream()).mapToInt(CatalogChunk::partition).distinct().count();
            List<CatalogEntry> sealed = segments.stream().filter(e -> period.contains(e.sealedAt())).toList();
            rows.add(List.of(store, topic.get(0), topic.get(1), partitions, segments.size(),
                    segments.stream().mapToLong(CatalogEntry::recordCount).sum(), segments.stream().mapToLong(CatalogEntry::size).sum(),
                    Instant.ofEpochMilli(segments.stream().mapToLong(CatalogEntry::minTimestamp).min().orElseThrow()).toString(),
                    Instant.ofEpochMilli(segments.stream().mapToLong(CatalogEntry::maxTimestamp).max().orElseThrow()).toString(),
                    sealed.size(), sealed.stream().mapToLong(CatalogEntry::recordCount).sum()));
        });
        return rows;
    }

    /**
     * The recovery point per job and topic of the jobs in the state database (a job's samples go when it is removed).
     * A job's own entry, all of its topics at once, is left out: the pack states it per topic.
     */
    private EvidenceTable rpo(EvidencePeriod period, Collection<String> jobs) {
        List<List<Object>> rows = new ArrayList<>();
        for (String job : new TreeSet<>(jobs)) {
            for (LagPercentiles lag : state.metrics().lagPercentiles(job, period.from(), period.to())) {
                if (lag.topic() != null) {
                    LagPercentiles.Percentiles records = lag.records();
                    LagPercentiles.Percentiles seconds = lag.seconds();
                    rows.add(List.of(job, lag.topic(), lag.samples(), Math.round(records.p50()), Math.round(records.p95()),
                            Math.round(records.p99()), Math.round(records.max()), round(seconds.p50()), round(seconds.p95()),
                            round(seconds.p99()), round(seconds.max())));
                }
            }
        }
        return new EvidenceTable(EvidenceData.RPO, List.of("job", "topic", "samples", "lag_p50_records", "lag_p95_records",
                "lag_p99_records", "lag_max_records", "lag_p50_seconds", "lag_p95_seconds", "lag_p99_seconds", "lag_max_seconds"), rows);
    }

    private EvidenceTable alerts(EvidencePeriod period) {
        List<List<Object>> rows = new ArrayList<>();
        for (Alert a : state.alerts().list(AlertFilter.all().between(period.from(), period.to()).limit(rowLimit + 1))) {
            List<Object> row = new ArrayList<>(List.of(a.id(), a.at().toString(), a.job(), a.type().name(), a.severity().name()));
            row.add(a.topic());
            row.add(a.partition() < 0 ? null : a.partition());
            row.add(a.message());
            row.add(a.state().name());
            row.add(a.acknowledgement() == null ? null : a.acknowledgement().by());
            row.add(a.acknowledgement() == null ? null : a.acknowledgement().at().toString());
            row.add(a.acknowledgement() == null ? null : a.acknowledgement().comment());
            rows.add(row);
        }
        return new EvidenceTable(EvidenceData.ALERTS, List.of("id", "at", "job", "type", "severity", "topic", "partition", "message",
                "state", "acknowledged_by", "acknowledged_at", "comment"), rows);
    }

    private EvidenceTable history(EvidencePeriod period) {
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryEntry e : state.history().query(HistoryFilter.all().between(period.from(), period.to()).limit(rowLimit + 1))) {
            List<Object> row = new ArrayList<>(List.of(e.id(), e.at().toString(), e.job(), e.type()));
            row.add(e.topic());
            row.add(e.partition() < 0 ? null : e.partition());
            row.add(e.actor());
            row.add(e.message());
            rows.add(row);
        }
        return new EvidenceTable(EvidenceData.HISTORY, List.of("id", "at", "job", "type", "topic", "partition", "actor", "message"), rows);
    }

    private EvidenceTable restores(EvidencePeriod period) {
        List<List<Object>> rows = new ArrayList<>();
        for (RestoreRecord r : state.restores().list()) {
            if (r.created().isAfter(period.to()) || r.updated().isBefore(period.from())) {
                continue;
            }
            RestoreRecord.Verification v = r.verification();
            List<Object> row = new ArrayList<>(List.of(r.id(), r.created().toString(), r.updated().toString(), r.actor(),
                    r.spec().sourceCluster(), r.spec().store(), r.spec().topic(), r.spec().restorePoint(), r.spec().targetCluster(),
                    r.spec().targetTopic(), r.spec().plannedRecords(), r.restoredRecords(), r.state().name()));
            row.add(r.message());
            row.add(v == null ? "not verified" : v.passed() ? "passed" : "FAILED");
            row.add(v == null ? null : v.expected());
            row.add(v == null ? null : v.found());
            row.add(v == null ? null : round(v.duration().toMillis() / 1000.0));
            row.add(v == null ? null : v.detail());
            rows.add(row);
        }
        return new EvidenceTable(EvidenceData.RESTORES, List.of("id", "started_at", "updated_at", "actor", "source_cluster", "store",
                "topic", "restore_point", "target_cluster", "target_topic", "planned_records", "restored_records", "state", "message",
                "verification", "verify_expected", "verify_found", "verify_seconds", "verify_detail"), rows);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The configured store names, for a pack of every store. */
    public static List<String> allStores(MirrorConfig config) {
        return List.copyOf(config.stores().keySet());
    }
}
