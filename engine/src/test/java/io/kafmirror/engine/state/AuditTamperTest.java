package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Someone with the H2 file changes the audit log with SQL; verification names what they did. */
class AuditTamperTest extends StateDatabaseFixture {

    AuditTamperTest() {
        super("cli", Instant.parse("2026-12-03T09:00:00Z"), MetricsSeries.DEFAULT_RETENTION);
    }

    @BeforeEach
    void sixtyEntries() {
        for (int i = 1; i <= 60; i++) {
            db.audit().append(i % 2 == 0 ? AuditAction.JOB_PAUSE : AuditAction.JOB_RESUME, "job-" + i, Map.of("n", i),
                    AuditOutcome.OK, null);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(db.audit().verify(List.of()).intact()).isTrue();
    }

    @Test
    void anEditedEntryIsNamed() throws Exception {
        sql("UPDATE audit_entry SET target = 'payments' WHERE seq = 42");

        assertThat(findings()).containsExactly("entry 42 was edited (its hash does not match its content)");
    }

    @Test
    void anEditWhoseHashWasRecomputedIsNamedByTheNextEntry() throws Exception {
        AuditEntry e = db.audit().list(AuditFilter.all()).get(41);
        String forged = AuditHash.of(42, e.at().toEpochMilli(), e.actor(), e.action(), "payments", e.parameters(), "OK", null,
                e.previousHash());
        sql("UPDATE audit_entry SET target = 'payments', hash = '" + forged + "' WHERE seq = 42");

        assertThat(findings()).containsExactly("entry 42 was rewritten (entry 43 holds another hash for it)");
    }

    @Test
    void aDeletedEntryIsNamedWithItsNeighbours() throws Exception {
        sql("DELETE FROM audit_entry WHERE seq = 43");

        assertThat(findings()).containsExactly("entry 43 is missing (42 is followed by 44)");
    }

    @Test
    void severalDeletedEntriesAreOneRange() throws Exception {
        sql("DELETE FROM audit_entry WHERE seq BETWEEN 1 AND 3");
        sql("DELETE FROM audit_entry WHERE seq BETWEEN 20 AND 22");

        assertThat(findings()).containsExactly("entries 1 to 3 are missing (the log starts at 4)",
                "entries 20 to 22 are missing (19 is followed by 23)");
    }

    @Test
    void swappedEntriesAreOutOfOrder() throws Exception {
        sql("UPDATE audit_entry SET seq = -1 WHERE seq = 50");
        sql("UPDATE audit_entry SET seq = 50 WHERE seq = 51");
        sql("UPDATE audit_entry SET seq = 51 WHERE seq = -1");

        assertThat(findings()).containsExactly("entries 50 and 51 are out of order");
    }

    @Test
    void entriesDeletedAtTheEndAreATruncationTheHeadStillKnows() throws Exception {
        sql("DELETE FROM audit_entry WHERE seq > 55");

        assertThat(findings()).containsExactly("the log ends at 55 but its head says it went on to 60 — truncated");
    }

    @Test
    void aTruncationWithTheHeadMovedBackIsFoundByAnAnchorBeyondIt() throws Exception {
        String hash55 = db.audit().list(AuditFilter.all()).get(54).hash();
        AuditEntry e58 = db.audit().list(AuditFilter.all()).get(57);
        sql("DELETE FROM audit_entry WHERE seq > 55");
        sql("UPDATE audit_head SET seq = 55, hash = '" + hash55 + "'");
        assertThat(findings()).as("consistent in itself").isEmpty();

        AuditAnchor anchor = new AuditAnchor("vault", "audit/x/00000000000000000058.json", db.audit().head().chain(), 58,
                e58.hash(), e58.at());
        assertThat(db.audit().verify(List.of(anchor)).findings()).extracting(AuditFinding::message)
                .containsExactly("the log ends at 55 but anchor at sequence 58 in store vault says it went further — truncated");
    }

    @Test
    void aDeletedHeadIsNamedRatherThanAppendedTo() throws Exception {
        sql("DELETE FROM audit_head");

        assertThatThrownBy(() -> db.audit().append(AuditAction.JOB_PAUSE, "orders", Map.of(), AuditOutcome.OK, null))
                .hasMessageContaining("head of the audit log (table audit_head) is missing");
        assertThatThrownBy(() -> db.audit().verify(List.of())).hasMessageContaining("someone deleted it outside kaf-mirror");
        assertThat(db.audit().list(AuditFilter.all())).hasSize(60);
    }

    private List<String> findings() {
        return db.audit().verify(List.of()).findings().stream().map(AuditFinding::message).toList();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("state")
                + ";AUTO_SERVER=TRUE", "kaf-mirror", ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
