package io.kafmirror.engine.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256 over this byte encoding of its fields, in this order (docs/audit.md):
 * <pre>
 * "kaf-mirror audit 1\n"   19 ASCII bytes, the version of this rule
 * seq                      8 bytes, big-endian
 * at                       8 bytes, big-endian, epoch milliseconds
 * actor, action, target, parameters, outcome, reason
 *                          each a string: 4-byte big-endian length of its UTF-8 bytes, then those bytes;
 *                          absent (only reason may be) is the length 0xFFFFFFFF and no bytes
 * previous hash            the 32 bytes of the previous entry's hash; 32 zero bytes before the first entry
 * </pre>
 * Lengths make the encoding unambiguous: no two different entries give the same bytes. Hashes are stored and shown as
 * 64 lower-case hex digits.
 */
final class AuditHash {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final byte[] RULE = "kaf-mirror audit 1\n".getBytes(StandardCharsets.US_ASCII);

    private AuditHash() {
    }

    static String of(long seq, long at, String actor, String action, String target, String parameters, String outcome,
                     String reason, String previousHash) {
        MessageDigest sha = sha256();
        sha.update(RULE);
        sha.update(ByteBuffer.allocate(16).putLong(seq).putLong(at).array());
        for (String field : new String[] {actor, action, target, parameters, outcome, reason}) {
            if (field == null) {
                sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
        }
        sha.update(HexFormat.of().parseHex(previousHash));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The hash {@code entry} should have, from its stored fields. */
    static String of(AuditEntry entry) {
        return of(entry.seq(), entry, entry.previousHash());
    }

    /** The hash {@code entry} would have at sequence {@code seq} after {@code previousHash}: how reordering is told apart. */
    static String of(long seq, AuditEntry entry, String previousHash) {
        return of(seq, entry.at().toEpochMilli(), entry.actor(), entry.action(), entry.target(), entry.parameters(),
                entry.outcome().name(), entry.reason(), previousHash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256", e);
        }
    }
}
