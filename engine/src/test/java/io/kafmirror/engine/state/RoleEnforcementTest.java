package io.kafmirror.engine.state;

import static io.kafmirror.engine.access.Role.ADMIN;
import static io.kafmirror.engine.access.Role.COMPLIANCE;
import static io.kafmirror.engine.access.Role.MONITOR;
import static io.kafmirror.engine.access.Role.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.access.AccessDeniedException;
import io.kafmirror.engine.access.Credentials;
import io.kafmirror.engine.access.Privilege;
import io.kafmirror.engine.access.Role;
import io.kafmirror.engine.mirror.MirrorEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each role against each class of action, through the engine's API as a token of that role acts: what the role allows
 * is done, the rest is refused with a message naming who, what and whom to ask, and the refusal is in the audit log.
 * The expected roles are written out here, not read from {@link AccessPolicy}, so a wrong row in the table fails.
 */
class RoleEnforcementTest {

    private static final char[] ROOT_PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    static Path dataDir;

    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    private static long alert;

    @BeforeAll
    static void claimTheFolderAndIssueATokenPerRole() {
        try (StateDatabase db = StateDatabase.open(dataDir, "cli")) {
            db.jobs().add("orders", StateDatabaseTest.ORDERS);
            db.history().append("orders", new MirrorEvent(MirrorEvent.Type.FORMAT_DRIFT, Instant.now(), "orders.eu", 0, "drift"));
            alert = db.history().query(HistoryFilter.of("orders").limit(1)).get(0).id();
            db.users().init("root", ROOT_PASSWORD);
            db.users().login("root", ROOT_PASSWORD, Duration.ofMinutes(5));
            for (Role role : Role.values()) {
                TOKENS.put(role, db.users().createToken("as-" + role.label(), role, null).secret());
            }
        }
    }

    static Stream<Arguments> actions() {
        Set<Role> operate = EnumSet.of(ADMIN, OPERATOR);
        Set<Role> audit = EnumSet.of(ADMIN, COMPLIANCE);
        return Stream.of(
                action("read jobs and alerts", EnumSet.allOf(Role.class), (db, r) -> db.alerts().list(AlertFilter.all())),
                action("pause jobs", operate, (db, r) -> db.jobs().setDesiredState("orders", DesiredState.PAUSED)),
                action("add jobs", operate, (db, r) -> db.jobs().add("job-" + r.label(), StateDatabaseTest.ORDERS)),
                action("remove jobs", operate, (db, r) -> db.jobs().remove("missing")),
                action("acknowledge alerts", operate, (db, r) -> db.alerts().acknowledge(alert, null)),
                action("mute alerts", operate, (db, r) -> db.alerts().mute("orders", MirrorEvent.Type.FORMAT_DRIFT, null, null)),
                action("start restores", operate, (db, r) -> db.restores().begin(restore(r))),
                action("run restore drills", operate, (db, r) -> db.require(AuditAction.DRILL_RUN, "orders")),
                action("run the engine", operate, (db, r) -> db.require(Privilege.RUN_ENGINE, "engine")),
                action("read or verify the audit log", audit, (db, r) -> db.audit().verify(List.of())),
                action("read or verify the audit log", audit, (db, r) -> db.audit().list(AuditFilter.all())),
                action("export evidence", audit, (db, r) -> db.require(AuditAction.EVIDENCE_EXPORT, "evidence")),
                action("anchor the audit log", EnumSet.of(ADMIN, OPERATOR, COMPLIANCE),
                        (db, r) -> db.require(Privilege.ANCHOR_AUDIT, "audit log")),
                action("add users", EnumSet.of(ADMIN), (db, r) -> db.users().add("user-" + r.label(), ROOT_PASSWORD, MONITOR)),
                action("create tokens", EnumSet.of(ADMIN), (db, r) -> db.users().createToken("t-" + r.label(), MONITOR, null)),
                action("list users and tokens", EnumSet.of(ADMIN), (db, r) -> db.users().list()));
    }

    @ParameterizedTest(name = "{0}: allowed to {1}")
    @MethodSource("actions")
    void eachRoleDoesWhatItsRoleAllowsAndIsRefusedTheRest(String what, Set<Role> allowed, BiConsumer<StateDatabase, Role> act) {
        for (Role role : Role.values()) {
            try (StateDatabase db = StateDatabase.open(dataDir, "cli", Credentials.token(TOKENS.get(role)))) {
                if (allowed.contains(role)) {
                    assertThatCode(() -> actAllowingOtherRefusals(db, role, act)).as(role + " may " + what).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> act.accept(db, role)).as(role + " may not " + what)
                            .isInstanceOf(AccessDeniedException.class)
                            .hasMessageStartingWith("token 'as-" + role.label() + "' (" + role.label() + ") may not " + what + "; ask an ");
                }
            }
        }
        try (StateDatabase root = StateDatabase.open(dataDir, "cli", Credentials.token(TOKENS.get(ADMIN)))) {
            List<AuditEntry> refused = root.audit().list(AuditFilter.all()).stream()
                    .filter(e -> e.outcome() == AuditOutcome.REFUSED && e.reason() != null && e.reason().contains("may not " + what))
                    .toList();
            List<String> deniedActors = EnumSet.complementOf(EnumSet.copyOf(allowed)).stream().map(r -> "token:as-" + r.label()).toList();
            assertThat(refused).extracting(AuditEntry::actor).containsAll(deniedActors);
        }
    }

    // An allowed action may still be refused for what it asks (a job that does not exist, an alert acknowledged already):
    // that is not a refusal of the role.
    private static void actAllowingOtherRefusals(StateDatabase db, Role role, BiConsumer<StateDatabase, Role> act) {
        try {
            act.accept(db, role);
        } catch (IllegalArgumentException | IllegalStateException notForTheRole) {
            // done, and refused for what it asked
        }
    }

    @Test
    void theMessageNamesTheUserTheRoleAndWhomToAsk() {
        try (StateDatabase db = StateDatabase.open(dataDir, "cli", Credentials.token(TOKENS.get(ADMIN)))) {
            db.users().add("bob", ROOT_PASSWORD, MONITOR);
        }
        try (StateDatabase db = StateDatabase.open(dataDir, "cli")) {
            db.users().login("bob", ROOT_PASSWORD, Duration.ofMinutes(1));
            assertThatThrownBy(() -> db.jobs().setDesiredState("orders", DesiredState.PAUSED))
                    .hasMessage("user 'bob' (monitor) may not pause jobs; ask an admin or operator.");
        }
    }

    @Test
    void nobodyLoggedInToAClaimedFolderIsToldToLogIn() {
        try (StateDatabase db = StateDatabase.open(dataDir, "cli")) {
            assertThat(db.principal().role()).isNull();
            assertThatThrownBy(() -> db.jobs().list()).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("Not logged in").hasMessageContaining("kaf-mirror login");
        }
    }

    private static Arguments action(String what, Set<Role> allowed, BiConsumer<StateDatabase, Role> act) {
        return Arguments.of(what, allowed, act);
    }

    private static RestoreSpec restore(Role role) {
        return new RestoreSpec("prod", "vault", "orders", UUID.fromString("6b1a3c9e-0000-4000-8000-000000000001"),
                "2026-11-25T08:13:00Z", null, false, "dr", "orders." + role.label(), Map.of(0, 10L), Map.of(0, 0L), 10);
    }
}
