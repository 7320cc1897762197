package io.kafmirror.engine.state;

/**
 * Something wrong with the audit chain, in words an auditor reads.
 *
 * @param seq     the entry concerned (the first of a pair or range)
 * @param message what is wrong, e.g. {@code entry 42 was edited (its hash does not match its content)}
 */
public record AuditFinding(long seq, String message) {
}
