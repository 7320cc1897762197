package io.kafmirror.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.admin.Admin;

/**
 * The steps of a restore of cluster {@code prod}'s backup as an operator chains them — plan, describe the source from
 * the store, prepare the target topic, run, verify — from one archive into one broker.
 */
final class TestRestore {

    private final SegmentArchive archive;
    private final KafkaTestBroker target;

    /** Restores from {@code archive} into {@code target}. */
    TestRestore(SegmentArchive archive, KafkaTestBroker target) {
        this.archive = archive;
        this.target = target;
    }

    /** The plan of {@code topic} as it was at {@code at}. */
    RestorePlan plan(String topic, Instant at) {
        return new RestorePlanner(archive).plan(RestoreRequest.of("prod", topic, new RestorePoint.AtTime(at)));
    }

    /** Creates or checks {@code targetTopic} for {@code plan}, as the backup describes the source topic. */
    PreparedTarget prepare(RestorePlan plan, String targetTopic, TargetOptions options) throws InterruptedException {
        try (Admin admin = target.admin()) {
            return new TargetTopic(admin, targetTopic, Clock.systemUTC())
                    .prepare(plan, SourceTopic.of(plan, archive, Clock.systemUTC()), options);
        }
    }

    /** Runs {@code plan} into {@code restoreTarget} at up to {@code maxBytesPerSecond} (0: no limit). */
    RestoreOutcome run(RestorePlan plan, RestoreTarget restoreTarget, long maxBytesPerSecond) throws InterruptedException {
        return new RestoreRun(archive, plan, target.client(), restoreTarget, maxBytesPerSecond, Clock.systemUTC()).run();
    }

    /** Prepares {@code targetTopic} with {@code options} and restores all of {@code plan} into it. */
    PreparedTarget restore(RestorePlan plan, String targetTopic, TargetOptions options) throws InterruptedException {
        PreparedTarget prepared = prepare(plan, targetTopic, options);
        RestoreOutcome outcome = run(plan, prepared.target(), 0);
        assertThat(outcome.completed()).as("restore of %s into %s completed", plan.request().topic(), targetTopic).isTrue();
        return prepared;
    }

    /** Reads {@code restoreTarget} back and asserts that it equals the records of {@code plan} in the backup. */
    void assertVerified(RestorePlan plan, RestoreTarget restoreTarget) {
        RestoreVerification verification = new RestoreVerifier(archive, plan, target.client(), restoreTarget,
                Clock.systemUTC()).verify();
        assertThat(verification.passed()).as("verification of %s, first mismatch: %s", restoreTarget.topic(),
                verification.firstMismatch()).isTrue();
    }
}
