package io.kafmirror.engine.state;

import java.util.List;

/**
 * The result of checking the audit chain.
 *
 * @param head            the chain's head as the database holds it
 * @param entries         how many entries were read
 * @param lastSeq         the highest sequence number read, 0 for none
 * @param anchorsChecked  how many anchors were compared with the chain
 * @param findings        what is wrong, in chain order; empty when the chain is intact
 */
public record AuditVerification(AuditHead head, long entries, long lastSeq, int anchorsChecked, List<AuditFinding> findings) {

    /** Copies the findings. */
    public AuditVerification {
        findings = List.copyOf(findings);
    }

    /** Whether nothing is wrong. */
    public boolean intact() {
        return findings.isEmpty();
    }
}
