package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.RetentionPolicy;
import io.kafmirror.engine.config.RetentionRule;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.RetentionMode;
import io.kafmirror.kfs.store.RetentionStatus;
import io.kafmirror.kfs.store.CephRgwServer;
import io.kafmirror.kfs.store.KeyTime;
import io.kafmirror.kfs.store.ObjectLockedException;
import io.kafmirror.kfs.store.S3MockServer;
import io.kafmirror.kfs.store.S3TestServer;
import io.kafmirror.kfs.store.S3StoreConfig;
import io.kafmirror.kfs.store.SegmentStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain's head written into the segment stores, and what those anchors prove when the database is rewritten. */
class AuditAnchorsTest extends StateDatabaseFixture {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    AuditAnchorsTest() {
        super("cli", T0, MetricsSeries.DEFAULT_RETENTION);
    }

    @Test
    void anAnchorInALocalFolderIsAReadOnlyObjectUnderAuditAndTheChainMatchesIt() throws Exception {
        Path folder = dataDir.resolve("store");
        AuditAnchoring anchoring = new AuditAnchoring(localStore(folder), db, clock);
        assertThat(anchoring.anchor(List.of())).as("an empty log has nothing to anchor").isEmpty();
        append(5);

        AuditAnchor anchor = anchoring.anchor(List.of()).get(0);

        String chain = db.audit().head().chain();
        assertThat(anchor.key()).isEqualTo("audit/" + chain + "/00000000000000000005-20261203T090005.000Z.json");
        assertThat(anchor.hash()).isEqualTo(db.audit().head().hash());
        Path file = folder.resolve(anchor.key());
        assertThat(Files.getPosixFilePermissions(file)).doesNotContain(PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        assertThat(Files.readString(file)).contains("\"seq\":5", "\"hash\":\"" + anchor.hash() + "\"");
        AuditAnchoring.Checked checked = anchoring.verify();
        assertThat(checked.verification().intact()).isTrue();
        assertThat(checked.verification().anchorsChecked()).isEqualTo(1);
    }

    @Test
    void aTruncationHiddenFromTheDatabaseIsFoundThroughTheAnchor() throws Exception {
        AuditAnchoring anchoring = new AuditAnchoring(localStore(dataDir.resolve("store")), db, clock);
        append(5);
        String hash5 = db.audit().head().hash();
        append(3);
        anchoring.anchor(List.of());

        sql("DELETE FROM audit_entry WHERE seq > 5");
        sql("UPDATE audit_head SET seq = 5, hash = '" + hash5 + "'");

        assertThat(db.audit().verify(List.of()).intact()).as("consistent in itself").isTrue();
        assertThat(anchoring.verify().verification().findings()).extracting(AuditFinding::message)
                .containsExactly("the log ends at 5 but anchor at sequence 8 in store local says it went further — truncated");
    }

    @Test
    void aHistoryRewrittenConsistentlyIsFoundThroughTheAnchor() throws Exception {
        AuditAnchoring anchoring = new AuditAnchoring(localStore(dataDir.resolve("store")), db, clock);
        append(4);
        anchoring.anchor(List.of());

        // Entry 2 changed and every hash from it recomputed: the chain is whole again, but not the one anchored.
        String previous = db.audit().list(AuditFilter.all()).get(0).hash();
        for (AuditEntry e : db.audit().list(AuditFilter.all()).subList(1, 4)) {
            String target = e.seq() == 2 ? "payments" : e.target();
            String hash = AuditHash.of(e.seq(), e.at().toEpochMilli(), e.actor(), e.action(), target, e.parameters(),
                    e.outcome().name(), e.reason(), previous);
            sql("UPDATE audit_entry SET target = '" + target + "', prev_hash = '" + previous + "', hash = '" + hash
                    + "' WHERE seq = " + e.seq());
            previous = hash;
        }
        sql("UPDATE audit_head SET hash = '" + previous + "'");

        assertThat(db.audit().verify(List.of()).intact()).as("consistent in itself").isTrue();
        assertThat(anchoring.verify().verification().findings()).extracting(AuditFinding::message).singleElement()
                .asString().startsWith("entry 4 does not match the anchor at sequence 4 in store local")
                .endsWith("the history up to it was rewritten");
    }

    @Test
    void anchorsInAnS3BucketAreListedAndChecked() {
        S3MockServer s3 = S3MockServer.shared();
        AuditAnchoring anchoring = new AuditAnchoring(s3Store(s3, s3.createBackupBucket("audit-anchor")), db, clock);
        append(3);

        AuditAnchor anchor = anchoring.anchor(List.of("vault")).get(0);
        append(2);
        AuditAnchor later = anchoring.anchor(List.of()).get(0);

        assertThat(later.seq()).isEqualTo(5);
        AuditAnchoring.Checked checked = anchoring.verify();
        assertThat(checked.verification().intact()).isTrue();
        assertThat(checked.verification().anchorsChecked()).isEqualTo(2);
        assertThat(anchor.key()).startsWith("audit/" + db.audit().head().chain() + "/00000000000000000003-");
    }

    @Test
    void anAnchorInAnS3BucketIsLockedAsLongAsTheLongestRetentionOfTheJobsWritingThere() {
        CephRgwServer ceph = CephRgwServer.shared();
        MirrorConfig config = s3Store(ceph, ceph.createBackupBucket("audit-anchor"));
        RetentionPolicy locked = new RetentionPolicy(new RetentionRule(RetentionMode.GOVERNANCE, Duration.ofDays(30)),
                Map.of("payments.*", new RetentionRule(RetentionMode.COMPLIANCE, Duration.ofDays(2))));
        JobConfig orders = JobConfig.of("prod", "vault", TopicSelection.parse("orders.*", ""));
        db.jobs().add("orders", new JobConfig(orders.source(), orders.store(), orders.topics(), orders.flush(), orders.compression(),
                orders.batches(), orders.maxBuffered(), orders.isolation(), locked, orders.snapshotInterval(), orders.commitOffsets(),
                orders.anomalies()));
        Instant now = Instant.now();
        AuditAnchor anchor = new AuditAnchoring(config, db, Clock.fixed(now, ZoneOffset.UTC)).anchor(List.of("vault")).get(0);

        try (SegmentStore store = config.store("vault").open()) {
            RetentionStatus retention = store.retention(anchor.key());
            assertThat(retention.retention().mode()).isEqualTo(RetentionMode.GOVERNANCE);
            assertThat(retention.retention().retainUntil()).isEqualTo(KeyTime.keyable(now).plus(Duration.ofDays(30)));
            assertThat(retention.enforced()).isTrue();
            assertThatThrownBy(() -> store.delete(anchor.key())).isInstanceOf(ObjectLockedException.class);
        }
    }

    private static MirrorConfig s3Store(S3TestServer server, String bucket) {
        S3StoreConfig s3 = server.config(bucket);
        return load("""
                stores:
                  vault:
                    type: s3
                    bucket: %s
                    endpoint: %s
                    access_key: %s
                    secret_key: %s
                """.formatted(bucket, s3.endpoint(), s3.accessKey(), s3.secretKey()));
    }

    private MirrorConfig localStore(Path folder) {
        return load("""
                stores:
                  local:
                    type: local
                    path: %s
                """.formatted(folder));
    }

    private static MirrorConfig load(String yaml) {
        return new ConfigLoader(Map.of()).load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "config.yml");
    }

    private void append(int entries) {
        for (int i = 0; i < entries; i++) {
            clock.advance(Duration.ofSeconds(1));
            db.audit().append(AuditAction.JOB_PAUSE, "orders", Map.of(), AuditOutcome.OK, null);
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("state")
                + ";AUTO_SERVER=TRUE", "kaf-mirror", ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
