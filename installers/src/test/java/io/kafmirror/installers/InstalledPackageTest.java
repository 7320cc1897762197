package io.kafmirror.installers;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb as an operator gets it: unpacked into a throw-away root, its command, desktop entry and service unit are
 * where the package says, the jlink'ed runtime runs the CLI, and the service's own command line backs up a real
 * broker until SIGTERM without losing a record.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the .deb is built on Linux; other platforms build their own package")
class InstalledPackageTest {

    @TempDir
    static Path root;

    @TempDir
    Path dir;

    static UnpackedPackage pkg;

    @BeforeAll
    static void unpack() throws Exception {
        pkg = UnpackedPackage.unpack(root);
    }

    @Test
    void thePackageInstallsTheCommandTheDesktopEntryAndTheServiceAndRunsOnItsOwnRuntime() throws Exception {
        assertThat(pkg.control("Package")).isEqualTo("kaf-mirror");
        assertThat(pkg.control("Version")).startsWith(System.getProperty("installer.version"));
        assertThat(pkg.control("Depends")).as("the console's GTK, which jpackage cannot see in the JavaFX jars")
                .contains("libgtk-3-0");
        assertThat(pkg.command()).isExecutable();

        assertThat(Files.readString(pkg.installed(UnpackedPackage.INSTALL_DIR + "/lib/app/kaf-mirror.cfg")))
                .as("without arguments the CLI's launcher opens the console too").contains("arguments=console");

        String postinst = pkg.script("postinst");
        assertThat(postinst).contains("ln -sf " + UnpackedPackage.INSTALL_DIR + "/bin/kaf-mirror /usr/bin/kaf-mirror",
                "/lib/systemd/system/kaf-mirror.service", "useradd --system", "if [ ! -e /etc/kaf-mirror/config.yml ]");
        assertThat(postinst).as("jpackage filled in its desktop commands").doesNotContain("DESKTOP_COMMANDS_INSTALL")
                .contains("xdg-desktop-menu");
        assertThat(pkg.script("postrm")).as("a purge keeps the state database").doesNotContain("rm -rf /var/lib/kaf-mirror");

        String version = pkg.run(Map.of(), "--version");
        assertThat(version).contains("kaf-mirror 0.1.0", "Java 17");
        String modules = Files.readString(pkg.installed(UnpackedPackage.INSTALL_DIR + "/lib/runtime/release"));
        assertThat(modules).as("a trimmed runtime, not a whole JDK").contains("java.desktop", "jdk.crypto.ec")
                .doesNotContain("jdk.compiler", "jdk.jshell", "jdk.jdeps");
    }

    @Test
    void theDesktopEntryOpensTheConsoleOnALauncherWhoseJvmCompilesWithC1OnlyAndTheCliKeepsC2() throws Exception {
        String lib = UnpackedPackage.INSTALL_DIR + "/lib/";
        List<String> entry = Files.readAllLines(pkg.installed(lib + "kaf-mirror-kaf-mirror-console.desktop"));
        assertThat(entry).contains("Name=kaf-mirror", "Exec=" + UnpackedPackage.INSTALL_DIR + "/bin/kaf-mirror-console",
                "Icon=" + UnpackedPackage.INSTALL_DIR + "/lib/kaf-mirror-console.png").doesNotContain("NoDisplay=true");
        assertThat(pkg.installed(lib + "kaf-mirror-console.png")).isNotEmptyFile();
        assertThat(Files.readAllLines(pkg.installed(lib + "kaf-mirror-kaf-mirror.desktop")))
                .as("the CLI's entry, which jpackage makes for every launcher, stays out of the menu").contains("NoDisplay=true");
        assertThat(Files.readString(pkg.installed(UnpackedPackage.INSTALL_DIR + "/lib/app/kaf-mirror-console.cfg")))
                .as("without arguments, as from the desktop entry, it opens the console").contains("arguments=console");
        assertThat(pkg.script("postinst"))
                .contains("ln -sf " + UnpackedPackage.INSTALL_DIR + "/bin/kaf-mirror-console /usr/bin/kaf-mirror-console");

        Path console = pkg.installed(UnpackedPackage.INSTALL_DIR + "/bin/kaf-mirror-console");
        assertThat(tieredStopAtLevel(console)).as("the console's JVM: C1 only").isEqualTo(1);
        assertThat(tieredStopAtLevel(pkg.command())).as("the CLI's and the service's JVM: C1, then C2").isEqualTo(4);
    }

    /** The highest tier the JVM that {@code launcher} starts compiles to, as the JVM itself reports its flags. */
    private static int tieredStopAtLevel(Path launcher) throws IOException, InterruptedException {
        String flags = UnpackedPackage.run(launcher, Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal"), "--version");
        Matcher level = Pattern.compile("\\bTieredStopAtLevel\\s+=\\s+(\\d+)").matcher(flags);
        assertThat(level.find()).as("TieredStopAtLevel among the flags of " + launcher).isTrue();
        return Integer.parseInt(level.group(1));
    }

    @Test
    void theAppImageStartsFromItsClassDataArchiveAndTheInstalledPackageMakesItsOwn() throws Exception {
        Path image = Path.of(System.getProperty("installer.image"));
        // -Xshare:on makes the JVM fail instead of quietly starting without the archive when it cannot map it.
        assertThat(UnpackedPackage.run(image.resolve("bin/kaf-mirror"), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"), "--version"))
                .contains("kaf-mirror 0.1.0");

        Path app = pkg.installed(UnpackedPackage.INSTALL_DIR + "/lib/app");
        assertThat(Files.readString(app.resolve("kaf-mirror.classlist"))).as("the training run's classes, the console's too")
                .contains("io/kafmirror/ui/MainWindow", "io/kafmirror/app/KafMirror");
        assertThat(app.resolve("kaf-mirror.jsa")).as("the build's archive names the build's paths: the package leaves it out")
                .doesNotExist();
        Matcher dump = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]+)\"").matcher(pkg.script("postinst"));
        assertThat(dump.find()).as("postinst dumps the archive").isTrue();
        pkg.run(Map.of("JAVA_TOOL_OPTIONS", dump.group(1).replace("$APP", app.toString())), "--version");
        assertThat(pkg.run(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"), "--version")).as("the installed launcher maps it")
                .contains("kaf-mirror 0.1.0");
        assertThat(UnpackedPackage.run(pkg.installed(UnpackedPackage.INSTALL_DIR + "/bin/kaf-mirror-console"),
                Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"), "--version")).as("the console's launcher maps it too")
                .contains("kaf-mirror 0.1.0");
        assertThat(pkg.script("prerm")).as("dpkg does not know the archive: prerm removes it")
                .contains("rm -f " + UnpackedPackage.INSTALL_DIR + "/lib/app/kaf-mirror.jsa");
    }

    @Test
    void theServiceCommandLineBacksUpUntilSigtermAndTheStoredLogEqualsTheSource() throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        String topic = "installed.orders";
        broker.createTopic(topic, 3, Map.of());
        Path config = dir.resolve("etc/config.yml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                clusters:
                  prod: { brokers: "%s" }
                stores:
                  local: { type: local, path: "%s" }
                jobs:
                  orders:
                    source: prod
                    store: local
                    topics: "installed\\\\..*"
                    flush: { max_bytes: 64KiB, max_linger: 200ms }
                """.formatted(broker.bootstrap(), dir.resolve("store")));
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 3000; i++) {
                producer.send(topic, i % 3, "order-" + i, "{\"order\":" + i + ",\"amount\":" + (i * 7 % 1000) + "}");
            }
            producer.confirm();
        }

        ServiceUnit unit = ServiceUnit.parse(Files.readString(pkg.installed(UnpackedPackage.INSTALL_DIR + "/lib/app/kaf-mirror.service")));
        assertThat(unit.execStart()).isEqualTo(UnpackedPackage.INSTALL_DIR + "/bin/kaf-mirror run");
        Map<String, String> environment = new LinkedHashMap<>(unit.environment());
        assertThat(environment).containsEntry("KAF_MIRROR_CONFIG", "/etc/kaf-mirror/config.yml")
                .containsEntry("KAF_MIRROR_HOME", "/var/lib/kaf-mirror");
        // The unit's paths, moved into this test's folders: the command line and its meaning stay the unit's.
        environment.put("KAF_MIRROR_CONFIG", config.toString());
        environment.put("KAF_MIRROR_HOME", dir.resolve("var").toString());
        environment.put("KAF_MIRROR_LOG_LEVEL", "INFO");
        List<String> command = new ArrayList<>(List.of(unit.execStart().split(" ")));
        command.set(0, pkg.command().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        builder.environment().putAll(environment);
        Process service = builder.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (stored(topic) < 3000) {
                assertThat(service.isAlive()).as("the service runs; its log:%n%s", log()).isTrue();
                assertThat(System.nanoTime()).as("waiting for 3000 stored records; the log:%n%s", log()).isLessThan(deadline);
                Thread.sleep(500);
            }
        } finally {
            service.destroy();
        }
        assertThat(service.waitFor(90, TimeUnit.SECONDS)).as("the service stops after SIGTERM").isTrue();
        assertThat(unit.successExitStatus()).as("what systemd takes for a clean stop").contains(service.exitValue());

        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("var/catalogs/local"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            assertThat(StoredRecords.of(new SegmentArchive(store, catalog), "prod", topic))
                    .isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
        }
    }

    @Test
    void theDemoRunsFromThePackageEndToEndWithOnlyLoopback() throws Exception {
        Path demoDir = dir.resolve("demo");
        List<String> command = LoopbackNamespace.wrap(List.of(pkg.command().toString(), "demo", "--headless", "--dir",
                demoDir.toString()));
        Path out = dir.resolve("demo.out");
        Process demo = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve("demo.err").toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!Files.readString(out).matches("(?s).*demo: produced \\d+ records, stored [1-9].*")) {
                assertThat(demo.isAlive()).as("the demo runs; stderr:%n%s", Files.readString(dir.resolve("demo.err"))).isTrue();
                assertThat(System.nanoTime()).as("waiting for stored records; stdout:%n%s", Files.readString(out)).isLessThan(deadline);
                Thread.sleep(500);
            }
        } finally {
            demo.destroy();
        }
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo stops on SIGTERM").isTrue();
        assertThat(demo.exitValue()).as("exit code; stderr:%n%s", Files.readString(dir.resolve("demo.err"))).isZero();
        assertThat(Files.readAllLines(out)).first().asString().startsWith("demo ready: cluster 127.0.0.1:");
        assertThat(Files.readAllLines(out)).last().isEqualTo("demo stopped.");
    }

    private long stored(String topic) {
        if (!Files.exists(dir.resolve("var/catalogs/local.mv.db"))) {
            return 0;
        }
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("var/catalogs/local"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            return StoredRecords.count(new SegmentArchive(store, catalog), "prod", topic);
        }
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("service.log"));
    }
}
