package io.kafmirror.kfs.catalog;

/**
 * An object that a rebuild or a verification could not accept, and why.
 *
 * @param key    the object key
 * @param reason what is wrong, in words an operator can act on
 */
public record StoreProblem(String key, String reason) {
}
