package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest extends StateDatabaseFixture {

    private static final Instant T0 = Instant.parse("2025-12-03T09:00:00Z");

    AuditLogTest() {
        super("cli", T0, MetricsSeries.DEFAULT_RETENTION);
    }

    @BeforeEach
    void actAsCli() {
        actingAs(db, "cli");
    }

    @Test
    void theHashRuleGivesTheGoldenVectorsOfDocsAudit() {
        String first = AuditHash.of(1, T0.toEpochMilli(), "cli", "job.pause", "orders", "{\"desired_state\":\"paused\"}", "OK",
                null, AuditHash.GENESIS);
        String second = AuditHash.of(2, T0.toEpochMilli() + 1500, "console", "alert.acknowledge", "alert 7",
                "{\"comment\":\"bad deploy, rolled back\",\"user\":\"anna\"}", "REFUSED", "Alert 7 was already acknowledged by ben.",
                first);

        assertThat(first).isEqualTo("409819522f7cd032717b01d461b83377251afb08d3e8634ddb62cd0dcdbc1704");
        assertThat(second).isEqualTo("11de6f346296ec3ddd9ab731ae98cef93df03dbe01d46d732a0680bcd4e890d4");
    }

    @Test
    void entriesChainEachToThePreviousAndReadBackAsWritten() {
        AuditEntry first = db.audit().append(AuditAction.JOB_PAUSE, "orders", Map.of("desired_state", "paused"), AuditOutcome.OK, null);
        clock.advance(Duration.ofMillis(1500));
        AuditEntry second = db.audit().append(AuditAction.JOB_RESUME, "orders", Map.of(), AuditOutcome.FAILED, "disk full");
        reopen();

        assertThat(first.hash()).isEqualTo("409819522f7cd032717b01d461b83377251afb08d3e8634ddb62cd0dcdbc1704");
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(db.audit().list(AuditFilter.all())).containsExactly(first, second);
        assertThat(db.audit().head()).extracting(AuditHead::seq, AuditHead::hash).containsExactly(2L, second.hash());
        AuditVerification v = db.audit().verify(List.of());
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(2);
    }

    @Test
    void secretsAreRedactedAtAnyDepthAndKeysSorted() {
        Map<String, Object> sasl = new LinkedHashMap<>();
        sasl.put("sasl.jaas.config", "org.apache.kafka...PlainLoginModule required username=\"a\" password=\"hunter2\";");
        sasl.put("mechanism", "PLAIN");
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("secret_key", "wJalrXUtnFEMI");
        store.put("access_key", "AKIA123");
        store.put("bucket", "backups");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("stores", Map.of("vault", store));
        parameters.put("clusters", List.of(Map.of("ssl.truststore.password", "changeit", "sasl", sasl)));
        parameters.put("apiToken", "t0k3n");
        parameters.put("credentials", Map.of("user", "x"));

        String json = db.audit().append(AuditAction.CONFIG_SAVE, "config.yml", parameters, AuditOutcome.OK, null).parameters();

        assertThat(json).doesNotContain("hunter2", "wJalrXUtnFEMI", "AKIA123", "changeit", "t0k3n", "\"x\"")
                .isEqualTo("{\"apiToken\":\"[redacted]\",\"clusters\":[{\"sasl\":{\"mechanism\":\"PLAIN\",\"sasl.jaas.config\":"
                        + "\"[redacted]\"},\"ssl.truststore.password\":\"[redacted]\"}],\"credentials\":\"[redacted]\","
                        + "\"stores\":{\"vault\":{\"access_key\":\"[redacted]\",\"bucket\":\"backups\",\"secret_key\":\"[redacted]\"}}}");
    }

    @Test
    void aChangeIsAuditedWithItsOutcomeRefusedAndFailedToo() {
        db.jobs().add("orders", StateDatabaseTest.ORDERS);
        clock.advance(Duration.ofSeconds(1));
        db.jobs().setDesiredState("orders", DesiredState.PAUSED);
        assertThatThrownBy(() -> db.jobs().add("orders", StateDatabaseTest.ORDERS)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> db.jobs().setDesiredState("billing", DesiredState.PAUSED)).isInstanceOf(UnknownJobException.class);
        db.jobs().update("orders", JobConfig.of("prod", "vault", TopicSelection.parse("orders.*,refunds", "")));
        db.jobs().remove("orders");

        assertThat(db.audit().list(AuditFilter.all()))
                .extracting(AuditEntry::seq, AuditEntry::actor, AuditEntry::action, AuditEntry::target, AuditEntry::outcome)
                .containsExactly(tuple(1L, "cli", "job.add", "orders", AuditOutcome.OK),
                        tuple(2L, "cli", "job.pause", "orders", AuditOutcome.OK),
                        tuple(3L, "cli", "job.add", "orders", AuditOutcome.REFUSED),
                        tuple(4L, "cli", "job.pause", "billing", AuditOutcome.REFUSED),
                        tuple(5L, "cli", "job.update", "orders", AuditOutcome.OK),
                        tuple(6L, "cli", "job.remove", "orders", AuditOutcome.OK));
        List<AuditEntry> entries = db.audit().list(AuditFilter.all());
        assertThat(entries.get(0).at()).isEqualTo(T0);
        assertThat(entries.get(0).parameters()).contains("\"source\":\"prod\"", "\"store\":\"vault\"", "orders.*");
        assertThat(entries.get(2).reason()).contains("A job named 'orders' already exists");
        assertThat(entries.get(3).reason()).contains("billing");
        assertThat(entries.get(4).parameters()).contains("refunds");
        assertThat(db.audit().verify(List.of()).intact()).isTrue();
    }

    @Test
    void aListIsFilteredByTimeActorAndAction() {
        db.audit().append(AuditAction.JOB_PAUSE, "orders", Map.of(), AuditOutcome.OK, null);
        clock.advance(Duration.ofHours(1));
        db.audit().append(AuditAction.JOB_RESUME, "orders", Map.of(), AuditOutcome.OK, null);
        try (StateDatabase console = actingAs(StateDatabase.open(dataDir, "console", clock, MetricsSeries.DEFAULT_RETENTION), "console")) {
            console.audit().append(AuditAction.JOB_PAUSE, "orders", Map.of(), AuditOutcome.OK, null);
        }

        assertThat(db.audit().list(AuditFilter.all().ofAction("job.pause"))).extracting(AuditEntry::seq).containsExactly(1L, 3L);
        assertThat(db.audit().list(AuditFilter.all().byActor("console"))).extracting(AuditEntry::seq).containsExactly(3L);
        assertThat(db.audit().list(AuditFilter.all().between(T0.plusSeconds(60), T0.plusSeconds(3600))))
                .extracting(AuditEntry::seq).containsExactly(2L, 3L);
    }
}
