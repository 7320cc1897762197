package io.kafmirror.engine.audit;

import io.kafmirror.engine.access.Privilege;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.RetentionRule;
import io.kafmirror.engine.state.AuditAnchor;
import io.kafmirror.engine.state.AuditHead;
import io.kafmirror.engine.state.AuditVerification;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.kfs.store.KeyTime;
import io.kafmirror.kfs.store.RetentionMode;
import io.kafmirror.kfs.store.SegmentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Anchors the audit chain of a state database into the configured segment stores, and checks the chain against the
 * anchors found there. An anchor takes the longest Object Lock retention of the jobs writing into its store, from the
 * moment it is written: the audit trail is kept as long as the backups it speaks of. A store no job writes into gets
 * no retention from kaf-mirror (an S3 bucket's default retention still applies).
 */
public final class AuditAnchoring {

    private final MirrorConfig config;
    private final StateDatabase state;
    private final Clock clock;

    /** Anchoring the audit log of {@code state} into the stores of {@code config}. */
    public AuditAnchoring(MirrorConfig config, StateDatabase state, Clock clock) {
        this.config = config;
        this.state = state;
        this.clock = clock;
    }

    /** Writes the chain's head into each store of {@code storeNames} (every configured store when empty); none for an empty log. */
    public List<AuditAnchor> anchor(Collection<String> storeNames) {
        state.require(Privilege.ANCHOR_AUDIT, "audit log");
        AuditHead head = state.audit().head();
        List<AuditAnchor> written = new ArrayList<>();
        if (head.seq() == 0) {
            return written;
        }
        Instant now = KeyTime.keyable(clock.instant());
        for (String name : storeNames.isEmpty() ? config.stores().keySet() : storeNames) {
            try (SegmentStore store = config.store(name).open()) {
                written.add(new AuditAnchors(store, name).write(head, now, retention(name).from(now)));
            }
        }
        return written;
    }

    /** The chain checked against its anchors in every configured store. */
    public Checked verify() {
        String chain = state.audit().head().chain();
        List<AuditAnchor> anchors = new ArrayList<>();
        List<String> otherChains = new ArrayList<>();
        for (String name : config.stores().keySet()) {
            try (SegmentStore store = config.store(name).open()) {
                AuditAnchors found = new AuditAnchors(store, name);
                anchors.addAll(found.list(chain));
                found.chains().stream().filter(c -> !c.equals(chain)).map(c -> name + ": " + c).forEach(otherChains::add);
            }
        }
        return new Checked(state.audit().verify(anchors), List.copyOf(config.stores().keySet()), otherChains);
    }

    /**
     * A chain checked against the stores' anchors.
     *
     * @param verification what the chain and its anchors say
     * @param stores       the stores whose anchors were read
     * @param otherChains  anchors of other chains found, as {@code store: chain}: another kaf-mirror sharing the store,
     *                     or a database replaced since they were written
     */
    public record Checked(AuditVerification verification, List<String> stores, List<String> otherChains) {
    }

    private RetentionRule retention(String storeName) {
        Optional<RetentionRule> longest = state.jobs().list().stream().map(Job::config)
                .filter(job -> job.store().equals(storeName))
                .map(job -> job.retention().longest()).filter(rule -> rule.mode() != null)
                .max(Comparator.comparing(RetentionRule::duration)
                        .thenComparing(rule -> rule.mode() == RetentionMode.COMPLIANCE));
        return longest.orElse(RetentionRule.NONE);
    }
}
