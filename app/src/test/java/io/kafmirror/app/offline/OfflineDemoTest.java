package io.kafmirror.app.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Air-gapped by construction (issue #8): the demo end to end (its broker, traffic, backup job, store, state database,
 * restore) in a JVM whose every connection and name lookup beyond loopback is refused and reported by
 * {@link LoopbackOnlyGuard}. A call home, an update check, a font or schema fetched at run time fails this test.
 */
class OfflineDemoTest {

    private static final Pattern STATUS = Pattern.compile("demo: produced (\\d+) records, stored (\\d+).*");

    @TempDir
    Path dir;

    @Test
    void theDemoBacksUpAndRestoresWithoutAnyConnectionBeyondLoopback() throws Exception {
        Path demoDir = dir.resolve("demo");
        Path out = dir.resolve("demo.out");
        Path err = dir.resolve("demo.err");
        Process demo = guarded("demo", "--headless", "--dir", demoDir.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (storedSoFar(out) == 0) {
                assertThat(demo.isAlive()).as("the demo runs; stderr:%n%s", Files.readString(err)).isTrue();
                assertThat(System.nanoTime()).as("waiting for stored records; stdout:%n%s", Files.readString(out)).isLessThan(deadline);
                Thread.sleep(500);
            }
            Process restore = guarded("restore", "--topic", "orders", "--to", String.valueOf(System.currentTimeMillis()), "--target", "demo",
                    "--target-topic", "orders.offline", "--config", demoDir.resolve("kaf-mirror.yml").toString(),
                    "--data", demoDir.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("restore.out").toFile()).start();
            assertThat(restore.waitFor(120, TimeUnit.SECONDS)).as("the restore ends").isTrue();
            assertThat(restore.exitValue()).as("restore exit code; it printed:%n%s", Files.readString(dir.resolve("restore.out")))
                    .isZero();
            assertThat(Files.readString(dir.resolve("restore.out"))).doesNotContain(LoopbackOnlyGuard.MARK);
        } finally {
            demo.destroy();
        }
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo stops on SIGTERM").isTrue();
        assertThat(demo.exitValue()).as("exit code; stderr:%n%s", Files.readString(err)).isZero();
        assertThat(Files.readAllLines(out)).last().isEqualTo("demo stopped.");
        assertThat(Files.readString(err)).as("connections the guard refused").doesNotContain(LoopbackOnlyGuard.MARK);
        assertThat(Files.readAllLines(err)).as("the README's first command starts and stops without an error line")
                .noneMatch(line -> line.contains("ERROR"));
    }

    /** {@code kaf-mirror args} in a JVM of its own under the guard. */
    private static ProcessBuilder guarded(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.security.manager=" + LoopbackOnlyGuard.class.getName(), "-cp", System.getProperty("java.class.path"),
                KafMirror.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static long storedSoFar(Path out) throws java.io.IOException {
        long stored = 0;
        for (String line : Files.readAllLines(out)) {
            Matcher m = STATUS.matcher(line);
            if (m.matches()) {
                stored = Long.parseLong(m.group(2));
            }
        }
        return stored;
    }
}
