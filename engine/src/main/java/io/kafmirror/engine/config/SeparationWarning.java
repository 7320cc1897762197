package io.kafmirror.engine.config;

/**
 * Something in the configuration that weakens the backup's separation from what it protects: a store sharing a
 * credential with a cluster, or a job whose segments are not immutable.
 *
 * @param kind    which of the two
 * @param store   the store concerned
 * @param cluster the cluster it shares a credential with, or {@code null}
 * @param job     the job whose segments are not immutable, or {@code null}
 * @param message what is wrong and what to do, naming keys and references but never a secret's value
 */
public record SeparationWarning(Kind kind, String store, String cluster, String job, String message) {

    /** The kinds of separation warnings. */
    public enum Kind {
        /** A store and a cluster use the same credential: whoever holds the cluster's can delete the backups. */
        SHARED_CREDENTIAL,
        /** A job's segments can be deleted or overwritten: a local folder, or no Object Lock retention. */
        NOT_IMMUTABLE
    }

    /** Whether this warning concerns the job {@code name} writing from {@code source} into {@code target}. */
    public boolean concerns(String name, String source, String target) {
        return name.equals(job) || kind == Kind.SHARED_CREDENTIAL && target.equals(store) && source.equals(cluster);
    }

    @Override
    public String toString() {
        return message;
    }
}
