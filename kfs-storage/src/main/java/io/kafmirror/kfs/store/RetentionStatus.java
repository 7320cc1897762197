package io.kafmirror.kfs.store;

/**
 * The protection the store reports for one object.
 *
 * @param key       the object key
 * @param retention the effective retention, or {@link ObjectRetention#NONE}
 * @param legalHold whether a legal hold is on
 * @param enforced  whether the store itself enforces this (false for a local folder)
 */
public record RetentionStatus(String key, ObjectRetention retention, boolean legalHold, boolean enforced) {
}
