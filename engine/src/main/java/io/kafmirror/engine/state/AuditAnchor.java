package io.kafmirror.engine.state;

import java.time.Instant;

/**
 * A chain head written into a segment store as an immutable object: proof, outside the database, that the chain
 * reached {@code seq} with {@code hash} at {@code anchoredAt}.
 *
 * @param store      the configured store's name it was found in
 * @param key        its object key
 * @param chain      the chain's id
 * @param seq        the sequence number of the entry it anchors
 * @param hash       that entry's hash
 * @param anchoredAt when it was written
 */
public record AuditAnchor(String store, String key, String chain, long seq, String hash, Instant anchoredAt) {
}
