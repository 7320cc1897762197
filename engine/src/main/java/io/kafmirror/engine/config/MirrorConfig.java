package io.kafmirror.engine.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole kaf-mirror configuration: named clusters to read, named stores to write, and the jobs
 * between them. Every job's source and store are checked to exist. Maps keep the order of the file.
 *
 * @param clusters source clusters by name
 * @param stores   segment stores by name
 * @param jobs     backup jobs by name
 * @param alerts   where alerts go out beyond the console (a command, a webhook); null for nowhere, the default
 */
public record MirrorConfig(Map<String, ClusterConfig> clusters, Map<String, StoreConfig> stores,
                           Map<String, JobConfig> jobs, AlertHooks alerts) {

    /** Nothing configured. */
    public static final MirrorConfig EMPTY = new MirrorConfig(null, null, null);

    /** A configuration that sends alerts nowhere beyond the console. */
    public MirrorConfig(Map<String, ClusterConfig> clusters, Map<String, StoreConfig> stores, Map<String, JobConfig> jobs) {
        this(clusters, stores, jobs, null);
    }

    /** Copies the maps and checks names and the references of every job. */
    public MirrorConfig {
        clusters = named("clusters", clusters);
        stores = named("stores", stores);
        jobs = named("jobs", jobs);
        for (Map.Entry<String, JobConfig> job : jobs.entrySet()) {
            requireDefined(job.getKey(), "source", "cluster", job.getValue().source(), clusters);
            requireDefined(job.getKey(), "store", "store", job.getValue().store(), stores);
            for (DrillSchedule drill : job.getValue().drills()) {
                if (drill.target() != null) {
                    requireDefined(job.getKey(), "drills", "cluster", drill.target(), clusters);
                }
            }
        }
    }

    /** The cluster {@code name}; a {@link ConfigException} lists the defined ones when there is none. */
    public ClusterConfig cluster(String name) {
        return lookup("clusters", "cluster", name, clusters);
    }

    /** The store {@code name}; a {@link ConfigException} lists the defined ones when there is none. */
    public StoreConfig store(String name) {
        return lookup("stores", "store", name, stores);
    }

    /** The job {@code name}; a {@link ConfigException} lists the defined ones when there is none. */
    public JobConfig job(String name) {
        return lookup("jobs", "job", name, jobs);
    }

    /** This configuration with the job {@code name} added, or replaced when it exists. */
    public MirrorConfig withJob(String name, JobConfig job) {
        Map<String, JobConfig> changed = new LinkedHashMap<>(jobs);
        changed.put(name, job);
        return new MirrorConfig(clusters, stores, changed, alerts);
    }

    /** This configuration without the job {@code name}. */
    public MirrorConfig withoutJob(String name) {
        Map<String, JobConfig> changed = new LinkedHashMap<>(jobs);
        changed.remove(name);
        return new MirrorConfig(clusters, stores, changed, alerts);
    }

    private static <T> Map<String, T> named(String section, Map<String, T> entries) {
        Map<String, T> copy = new LinkedHashMap<>();
        if (entries != null) {
            entries.forEach((name, value) -> {
                if (!ConfigName.isValid(name)) {
                    throw ConfigException.at(ConfigPath.of(section, name), "'" + name + "' is not a valid name: use "
                            + ConfigName.RULE);
                }
                if (value == null) {
                    throw ConfigException.at(ConfigPath.of(section, name), "has no settings");
                }
                copy.put(name, value);
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void requireDefined(String job, String key, String kind, String name, Map<String, ?> defined) {
        if (!defined.containsKey(name)) {
            throw ConfigException.at(ConfigPath.of("jobs", job, key), "the job '" + job + "' uses the " + kind + " '" + name
                    + "', which is not defined under " + kind + "s " + definedNames(defined) + ": correct the name or define it");
        }
    }

    private static <T> T lookup(String section, String kind, String name, Map<String, T> defined) {
        T value = defined.get(name);
        if (value == null) {
            throw ConfigException.at(section, "there is no " + kind + " '" + name + "' " + definedNames(defined));
        }
        return value;
    }

    private static String definedNames(Map<String, ?> defined) {
        return defined.isEmpty() ? "(none is defined)" : "(defined: " + String.join(", ", defined.keySet()) + ")";
    }
}
