package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.access.AuthenticationException;
import io.kafmirror.engine.access.Credentials;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claiming a data folder, logging in, tokens and their refusals, as the engine records them. */
class UsersTest extends StateDatabaseFixture {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final String PASSWORD = "Tr0ub4dor&3-staple";

    UsersTest() {
        super("cli", T0, MetricsSeries.DEFAULT_RETENTION);
    }

    @Test
    void anUnclaimedFolderIsTheOperatingSystemUsersAsAdminUntilTheFirstAdminClaimsIt() {
        assertThat(db.users().claimed()).isFalse();
        assertThat(db.principal()).isEqualTo(Principal.unclaimed());
        assertThat(db.principal().role()).isEqualTo(Role.ADMIN);

        db.users().init("root", PASSWORD.toCharArray());
        reopen();

        assertThat(db.users().claimed()).isTrue();
        assertThat(db.principal().role()).isNull();
        assertThatThrownBy(() -> db.users().init("other", PASSWORD.toCharArray())).hasMessageContaining("Not logged in");
    }

    @Test
    void aFailedLoginIsAuditedAndDoesNotSayWhetherTheUserExists() {
        db.users().init("root", PASSWORD.toCharArray());
        reopen();

        Throwable wrongPassword = catchLogin("root", "not the password");
        Throwable noSuchUser = catchLogin("nobody", "not the password");
        assertThat(wrongPassword).isInstanceOf(AuthenticationException.class).hasMessageContaining("wrong user name or password");
        assertThat(noSuchUser.getMessage()).isEqualTo(wrongPassword.getMessage());
        db.users().login("root", PASSWORD.toCharArray(), Duration.ofHours(1));

        List<AuditEntry> logins = db.audit().list(AuditFilter.all().ofAction("user.login"));
        assertThat(logins).extracting(AuditEntry::target, AuditEntry::outcome, AuditEntry::reason).containsExactly(
                tuple("user root", AuditOutcome.REFUSED, "wrong user name or password"),
                tuple("user nobody", AuditOutcome.REFUSED, "wrong user name or password"),
                tuple("user root", AuditOutcome.OK, null));
        assertThat(logins.get(2).actor()).isEqualTo("root");
        assertThat(db.audit().list(AuditFilter.all())).allSatisfy(e -> assertThat(e.parameters()).doesNotContain(PASSWORD));
    }

    @Test
    void theSessionOfALoginActsAsTheUserUntilItEndsOrExpires() {
        db.users().init("root", PASSWORD.toCharArray());
        String session = db.users().login("root", PASSWORD.toCharArray(), Duration.ofHours(12)).secret();
        db.close();

        try (StateDatabase other = open(session)) {
            assertThat(other.principal()).isEqualTo(new Principal("root", Role.ADMIN, Principal.Kind.USER));
        }
        clock.advance(Duration.ofHours(13));
        assertThatThrownBy(() -> open(session)).isInstanceOf(AuthenticationException.class)
                .hasMessage("The login session of 'root' expired at 2026-12-03T21:00:00Z; run 'kaf-mirror login' again.");

        db = StateDatabase.open(dataDir, "cli", Credentials.none(), clock, MetricsSeries.DEFAULT_RETENTION);
        String second = db.users().login("root", PASSWORD.toCharArray(), Duration.ofHours(1)).secret();
        db.users().logout(second);
        assertThatThrownBy(() -> open(second)).hasMessageStartingWith("The login session of 'root' has ended");
    }

    @Test
    void aDatabaseHeldOpenUnderASessionIsRefusedOnceTheSessionExpires() {
        db.users().init("root", PASSWORD.toCharArray());
        String session = db.users().login("root", PASSWORD.toCharArray(), Duration.ofHours(12)).secret();

        try (StateDatabase held = open(session)) {
            held.authenticateAgain();
            assertThat(held.principal().name()).isEqualTo("root");
            clock.advance(Duration.ofHours(13));
            assertThatThrownBy(held::authenticateAgain).isInstanceOf(AuthenticationException.class)
                    .hasMessage("The login session of 'root' expired at 2026-12-03T21:00:00Z; run 'kaf-mirror login' again.");
        }
        assertThat(db.audit().list(AuditFilter.all().ofAction("user.login"))).last()
                .extracting(AuditEntry::target, AuditEntry::outcome).containsExactly("user root", AuditOutcome.REFUSED);
    }

    @Test
    void aUserNameIsCheckedAsInitAndAddCheckIt() {
        assertThat(Users.userNameProblem("ada.lovelace@example")).isEmpty();
        assertThat(Users.userNameProblem("-ada")).hasValueSatisfying(problem -> assertThat(problem).startsWith("A user name is"));
        assertThat(Users.userNameProblem("")).isPresent();
    }

    @Test
    void aWrongExpiredOrRevokedTokenIsRefusedSayingWhichAndAudited() {
        db.users().init("root", PASSWORD.toCharArray());
        String service = db.users().createToken("service", Role.OPERATOR, null).secret();
        String shortLived = db.users().createToken("one-hour", Role.MONITOR, Duration.ofHours(1)).secret();
        db.users().revokeToken("service");
        clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> open(service)).isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("The token 'service' was revoked at 2026-12-03T09:00:00Z; ask an admin for a new one");
        assertThatThrownBy(() -> open(shortLived)).isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("The token 'one-hour' expired at 2026-12-03T10:00:00Z");
        assertThatThrownBy(() -> open(service + "x")).isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("This token is not valid for the data folder " + dataDir.toAbsolutePath());

        assertThat(db.audit().list(AuditFilter.all().ofAction("user.login"))).extracting(AuditEntry::target, AuditEntry::outcome)
                .containsExactly(tuple("token service", AuditOutcome.REFUSED), tuple("token one-hour", AuditOutcome.REFUSED),
                        tuple("unknown token", AuditOutcome.REFUSED));
        assertThat(db.audit().list(AuditFilter.all())).allSatisfy(e -> assertThat(e.parameters() + e.reason())
                .doesNotContain(service.substring(4), shortLived.substring(4)));
    }

    @Test
    void theStateDatabaseHoldsNeitherThePasswordNorATokenInClear() throws Exception {
        db.users().init("root", PASSWORD.toCharArray());
        String token = db.users().createToken("service", Role.OPERATOR, null).secret();
        db.close();

        String bytes = new String(Files.readAllBytes(dataDir.resolve("state.mv.db")), StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD).doesNotContain(token.substring(4));
        db = StateDatabase.open(dataDir, "cli", Credentials.token(token), clock, MetricsSeries.DEFAULT_RETENTION);
        assertThat(db.principal().actor()).isEqualTo("token:service");
    }

    @Test
    void theLastAdminCannotBeRemovedOrDemoted() {
        db.users().init("root", PASSWORD.toCharArray());
        db.users().login("root", PASSWORD.toCharArray(), Duration.ofHours(1));

        assertThatThrownBy(() -> db.users().changeRole("root", Role.MONITOR)).hasMessageContaining("'root' is the last admin");
        assertThatThrownBy(() -> db.users().remove("root")).hasMessageContaining("'root' is the last admin");
        db.users().add("second", PASSWORD.toCharArray(), Role.ADMIN);
        db.users().remove("root");

        assertThat(db.users().list()).extracting(UserAccount::name, a -> a.removed() != null)
                .containsExactly(tuple("root", true), tuple("second", false));
        assertThatThrownBy(() -> db.users().add("root", PASSWORD.toCharArray(), Role.MONITOR)).hasMessageContaining("names are not reused");
    }

    @Test
    void aUsersLastLoginIsItsNewestPasswordLogin() {
        db.users().init("root", PASSWORD.toCharArray());
        db.users().add("ops", PASSWORD.toCharArray(), Role.OPERATOR);
        db.users().login("root", PASSWORD.toCharArray(), Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(5));
        db.users().login("root", PASSWORD.toCharArray(), Duration.ofHours(1));

        assertThat(db.users().list()).extracting(UserAccount::name, UserAccount::lastLogin)
                .containsExactly(tuple("ops", null), tuple("root", T0.plus(Duration.ofMinutes(5))));
    }

    private Throwable catchLogin(String name, String password) {
        try {
            db.users().login(name, password.toCharArray(), Duration.ofHours(1));
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private StateDatabase open(String token) {
        return StateDatabase.open(dataDir, "cli", Credentials.token(token), clock, MetricsSeries.DEFAULT_RETENTION);
    }
}
