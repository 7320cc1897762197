package io.kafmirror.engine.state;

/**
 * The end of the audit chain: what an anchor records.
 *
 * @param chain the chain's id, a random UUID made with the database: anchors of this chain live under it in a store
 * @param seq   the last entry's sequence number, 0 before the first
 * @param hash  the last entry's hash, 64 zeros before the first
 */
public record AuditHead(String chain, long seq, String hash) {
}
