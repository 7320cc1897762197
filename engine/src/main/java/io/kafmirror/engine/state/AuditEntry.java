package io.kafmirror.engine.state;

import java.time.Instant;

/**
 * One entry of the audit log, as stored.
 *
 * @param seq          its place in the chain, from 1, without gaps
 * @param at           when it was appended (the appending program's clock)
 * @param actor        who acted: the program ({@code cli}, {@code console}, {@code run}) until users exist
 * @param action       an {@link AuditAction#code()}, kept as text so that a log written by a newer kaf-mirror still reads
 * @param target       what was acted on, e.g. a job's name or {@code restore #3}
 * @param parameters   what was asked, as JSON with sorted keys, secrets redacted ({@link AuditParameters})
 * @param outcome      how it ended
 * @param reason       why it was refused or failed, or a note on how it ended; {@code null} when there is nothing to say
 * @param previousHash the hash of entry {@code seq - 1}; 64 zeros for the first
 * @param hash         this entry's {@link AuditHash}
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String target, String parameters,
                         AuditOutcome outcome, String reason, String previousHash, String hash) {
}
