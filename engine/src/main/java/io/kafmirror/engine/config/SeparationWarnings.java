package io.kafmirror.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds in a configuration what {@link SeparationWarning} describes. A backup is only a backup if losing the source's
 * credentials does not lose it too, and if nobody can quietly delete it: so a store's S3 keys must not be a cluster's
 * (same value, hence also the same {@code ${VARIABLE}}, or an access key that is a cluster's SASL user), and every job
 * should write into a store that locks its segments.
 */
public final class SeparationWarnings {

    private SeparationWarnings() {
    }

    /** Every warning of {@code config}: shared credentials per store and cluster, then immutability per job. */
    public static List<SeparationWarning> of(MirrorConfig config) {
        List<SeparationWarning> found = new ArrayList<>();
        config.stores().forEach((storeName, store) -> {
            if (store instanceof S3BucketConfig s3) {
                config.clusters().forEach((clusterName, cluster) -> shared(storeName, s3, clusterName, cluster, found));
            }
        });
        config.jobs().forEach((jobName, job) -> immutability(jobName, job, config.store(job.store()), found));
        return found;
    }

    /**
     * The warnings about the job {@code name} with the settings {@code job} (e.g. kept in the state database), whose
     * cluster and store are defined in {@code config}: credentials its store shares with its source, and immutability.
     */
    public static List<SeparationWarning> forJob(String name, JobConfig job, MirrorConfig config) {
        List<SeparationWarning> found = new ArrayList<>();
        if (config.store(job.store()) instanceof S3BucketConfig s3) {
            shared(job.store(), s3, job.source(), config.cluster(job.source()), found);
        }
        immutability(name, job, config.store(job.store()), found);
        return found;
    }

    private static void shared(String storeName, S3BucketConfig store, String clusterName, ClusterConfig cluster,
                               List<SeparationWarning> found) {
        Map<String, Secret> storeKeys = new LinkedHashMap<>();
        put(storeKeys, "access_key", store.accessKey());
        put(storeKeys, "secret_key", store.secretKey());
        Map<String, Secret> clusterSecrets = clusterSecrets(cluster);
        List<String> pairs = new ArrayList<>();
        storeKeys.forEach((storeKey, storeSecret) -> {
            clusterSecrets.forEach((clusterKey, clusterSecret) -> {
                if (!storeSecret.reveal().isEmpty() && storeSecret.reveal().equals(clusterSecret.reveal())) {
                    pairs.add(storeKey + " is the same as the cluster's " + clusterKey + how(storeSecret, clusterSecret));
                }
            });
        });
        String user = cluster.security().saslUsername();
        if (store.accessKey() != null && user != null && store.accessKey().reveal().equals(user)) {
            pairs.add("access_key is the cluster's sasl_username (" + user + "): one identity for both");
        }
        if (!pairs.isEmpty()) {
            found.add(new SeparationWarning(SeparationWarning.Kind.SHARED_CREDENTIAL, storeName, clusterName, null,
                    "store " + storeName + " shares credentials with cluster " + clusterName + ": the store's "
                            + String.join("; its ", pairs) + ". Whoever obtains the cluster's credentials can then delete"
                            + " the backups: give the store credentials of its own"));
        }
    }

    // The cluster's secrets under the key path an operator finds them at.
    private static Map<String, Secret> clusterSecrets(ClusterConfig cluster) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        put(secrets, "security.sasl_password", cluster.security().saslPassword());
        put(secrets, "security.tls.key_store_password", cluster.security().tls().keyStorePassword());
        put(secrets, "security.tls.key_password", cluster.security().tls().keyPassword());
        cluster.properties().secrets().forEach((key, secret) -> secrets.put("properties." + key, secret));
        return secrets;
    }

    private static void put(Map<String, Secret> secrets, String key, Secret secret) {
        if (secret != null) {
            secrets.put(key, secret);
        }
    }

    // How both are written, so the operator finds them without the value being shown.
    private static String how(Secret a, Secret b) {
        String written = a.isEncrypted() ? null : a.writtenAs().orElse(null);
        if (written != null && Objects.equals(written, b.writtenAs().orElse(null))) {
            return " (both read " + written + ")";
        }
        return " (the same value)";
    }

    private static void immutability(String jobName, JobConfig job, StoreConfig store, List<SeparationWarning> found) {
        String message;
        if (store instanceof LocalStoreConfig) {
            message = "job " + jobName + " writes into the local store " + job.store() + ", a folder that cannot hold"
                    + " Object Lock: its backup is not immutable and anyone with access can delete it. Use an S3 bucket"
                    + " with Object Lock for backups that must survive deletion";
        } else if (job.retention().longest().mode() == null) {
            message = "job " + jobName + " locks nothing (its retention is none): its segments in " + job.store()
                    + " can be deleted before their time. Set retention.default, e.g. { mode: compliance, duration: 30d }";
        } else if (job.retention().defaultRule().mode() == null) {
            message = "job " + jobName + " locks only the topics its retention rules name: the others are stored in "
                    + job.store() + " without Object Lock (retention.default is none)";
        } else {
            return;
        }
        found.add(new SeparationWarning(SeparationWarning.Kind.NOT_IMMUTABLE, job.store(), null, jobName, message));
    }
}
