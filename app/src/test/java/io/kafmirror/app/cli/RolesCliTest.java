package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users, logins and tokens through the command line: an unclaimed folder warns, a claimed one needs a login or a token,
 * and each role is held to what it may do.
 */
class RolesCliTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private String data;
    private String passwordFile;

    @BeforeEach
    void aDataFolderWithAJob() throws Exception {
        data = dir.resolve("data").toString();
        passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n").toString();
        try (StateDatabase db = StateDatabase.open(Path.of(data), "cli")) {
            db.jobs().add("orders", JobConfig.of("prod", "local", TopicSelection.parse("orders.*", "")));
        }
    }

    @Test
    void anUnclaimedFolderWarnsThenTheFirstAdminClaimsItAndEveryCommandMustLogIn() {
        CliRun unclaimed = cli("jobs", "list");
        assertThat(unclaimed.exitCode()).isZero();
        assertThat(unclaimed.err()).contains("has no users: acting as '" + System.getProperty("user.name") + "' with admin rights")
                .contains("kaf-mirror users init");

        claim();
        CliRun nobody = cli("jobs", "list");
        assertThat(nobody.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(nobody.err()).contains("has users: log in with 'kaf-mirror login'").contains("--token-file");

        assertThat(cli("login", "--user", "root", "--password-file", passwordFile).out()).contains("Logged in as user 'root' (admin)");
        CliRun admin = cli("jobs", "list");
        assertThat(admin.exitCode()).as(admin.err()).isZero();
        assertThat(admin.err()).doesNotContain("warning");
        assertThat(cli("logout").out()).contains("Logged out");
        assertThat(cli("jobs", "list").exitCode()).isEqualTo(KafMirror.FAILED);
    }

    @Test
    void aMonitorCannotPauseAJobAnOperatorCan() {
        claim();
        asRoot("users", "add", "bob", "--role", "monitor", "--password-file", passwordFile);
        asRoot("users", "add", "olga", "--role", "operator", "--password-file", passwordFile);

        cli("login", "--user", "bob", "--password-file", passwordFile);
        CliRun monitor = cli("jobs", "pause", "orders");
        assertThat(monitor.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(monitor.err()).contains("user 'bob' (monitor) may not pause jobs; ask an admin or operator.");
        assertThat(cli("jobs", "list").out()).contains("orders");

        cli("login", "--user", "olga", "--password-file", passwordFile);
        CliRun operator = cli("jobs", "pause", "orders");
        assertThat(operator.exitCode()).as(operator.err()).isZero();

        asRoot("users", "role", "bob", "operator");
        cli("login", "--user", "bob", "--password-file", passwordFile);
        assertThat(cli("jobs", "resume", "orders").exitCode()).isZero();

        cli("login", "--user", "root", "--password-file", passwordFile);
        assertThat(cli("audit", "list", "--action", "job.pause").out())
                .containsPattern("bob\\s+job\\.pause\\s+orders\\s+refused")
                .containsPattern("olga\\s+job\\.pause\\s+orders\\s+ok");
        asRoot("users", "add", "nina", "--role", "compliance", "--password-file", passwordFile);
        assertThat(cli("users", "list").out()).contains("LAST LOGIN")
                .containsPattern("olga\\s+operator\\s+\\S+\\s+root\\s+20\\d\\d-\\S+Z\\s")
                .containsPattern("nina\\s+compliance\\s+\\S+\\s+root\\s+never");
    }

    @Test
    void aComplianceTokenVerifiesTheAuditLogButCannotRestoreOrPause() throws Exception {
        claim();
        Path token = dir.resolve("compliance.token");
        CliRun created = asRoot("users", "token", "create", "auditor", "--role", "compliance", "--out", token.toString());
        assertThat(created.out()).contains("Created compliance token 'auditor', valid until revoked; its secret is in " + token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        String config = CliConfig.write(dir, "127.0.0.1:9").toString();

        CliRun verify = cli("audit", "verify", "--token-file", token.toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("The audit log is intact.");
        CliRun restore = cli("restore", "--topic", "orders.eu", "--to", "2026-12-01T00:00:00Z", "--target", "prod", "--config", config,
                "--token-file", token.toString());
        assertThat(restore.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(restore.err()).contains("token 'auditor' (compliance) may not start restores; ask an admin or operator.");
        assertThat(cli("jobs", "pause", "orders", "--token-file", token.toString()).err())
                .contains("token 'auditor' (compliance) may not pause jobs");
        assertThat(cli("audit", "list", "--token-file", token.toString()).out())
                .containsPattern("token:auditor\\s+restore\\.start\\s+restore of orders\\.eu\\s+refused");
    }

    @Test
    void aFailedLoginIsAuditedAndAWrongOrRevokedTokenIsRefusedClearly() throws Exception {
        claim();
        Path wrong = Files.writeString(dir.resolve("wrong"), "not the password\n");
        CliRun badPassword = cli("login", "--user", "root", "--password-file", wrong.toString());
        CliRun noSuchUser = cli("login", "--user", "ghost", "--password-file", wrong.toString());
        assertThat(badPassword.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(badPassword.err()).contains("wrong user name or password").isEqualTo(noSuchUser.err());

        Path token = dir.resolve("service.token");
        asRoot("users", "token", "create", "service", "--role", "operator", "--out", token.toString());
        CliRun headless = cli("jobs", "pause", "orders", "--token-file", token.toString());
        assertThat(headless.exitCode()).as(headless.err()).isZero();
        asRoot("users", "token", "revoke", "service");
        CliRun revoked = cli("jobs", "list", "--token-file", token.toString());
        assertThat(revoked.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(revoked.err()).contains("The token 'service' was revoked at").contains("ask an admin for a new one");
        Files.writeString(token, "kmt_not-a-token");
        assertThat(cli("jobs", "list", "--token-file", token.toString()).err()).contains("This token is not valid for the data folder");

        CliRun logins = asRoot("audit", "list", "--action", "user.login");
        assertThat(logins.out()).containsPattern("user root\\s+refused\\s+.*wrong user name or password")
                .containsPattern("user ghost\\s+refused").containsPattern("token service\\s+refused")
                .containsPattern("unknown token\\s+refused").doesNotContain(PASSWORD);
    }

    @Test
    void aServiceActsHeadlessWithTheTokenInItsEnvironment() throws Exception {
        claim();
        Path token = dir.resolve("service.token");
        asRoot("users", "token", "create", "service", "--role", "operator", "--out", token.toString());
        ProcessBuilder service = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), KafMirror.class.getName(), "jobs", "pause", "orders", "--data", data)
                .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        service.environment().put(DataOptions.TOKEN_ENV, Files.readString(token).strip());

        Process process = service.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("service.log"))).isZero();
        assertThat(asRoot("audit", "list", "--action", "job.pause").out()).containsPattern("token:service\\s+job\\.pause\\s+orders\\s+ok");
    }

    private void claim() {
        CliRun init = cli("users", "init", "--name", "root", "--password-file", passwordFile);
        assertThat(init.exitCode()).as(init.err()).isZero();
    }

    private CliRun asRoot(String... args) {
        CliRun login = cli("login", "--user", "root", "--password-file", passwordFile);
        assertThat(login.exitCode()).as(login.err()).isZero();
        CliRun run = cli(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private CliRun cli(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data";
        all[args.length + 1] = data;
        return CliRun.of(all);
    }
}
