package io.kafmirror.kfs.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Ceph radosgw for tests, the one S3 server here that enforces Object Lock. It is installed
 * (when missing and apt allows) and started once per JVM by {@code scripts/ceph-rgw.sh} on free
 * loopback ports, and stopped by a shutdown hook.
 *
 * <p>Where Ceph cannot be installed or started, {@link #shared()} aborts the calling test with a
 * loud banner on stderr: such tests show as skipped, never as passed.
 */
public final class CephRgwServer implements S3TestServer {

    private static final String SCRIPT = "scripts/ceph-rgw.sh";
    private static final long INSTALL_TIMEOUT_SECONDS = 600;
    private static final long START_TIMEOUT_SECONDS = 180;

    private static Optional<CephRgwServer> shared;
    private static String unavailableBecause;

    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;

    private CephRgwServer(URI endpoint, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** The server of this JVM, started on first use; aborts the current test when Ceph cannot run here. */
    public static synchronized CephRgwServer shared() {
        if (shared == null) {
            shared = start();
        }
        if (shared.isEmpty()) {
            Assumptions.abort("Ceph radosgw unavailable, Object Lock tests NOT run: " + unavailableBecause);
        }
        return shared.get();
    }

    @Override
    public S3StoreConfig config(String bucket) {
        return S3StoreConfig.forEndpoint(endpoint, bucket, accessKey, secretKey);
    }




    private static Optional<CephRgwServer> start() {
        Path script = findScript();
        if (script == null) {
            return unavailable("cannot find " + SCRIPT + " above " + Path.of("").toAbsolutePath());
        }
        Path work = Path.of("target", "ceph").toAbsolutePath();
        try {
            Files.createDirectories(work);
            Path log = work.resolve("ceph-rgw.log");
            run(List.of(script.toString(), "stop", work.toString()), log, 60);
            if (!run(List.of(script.toString(), "install"), log, INSTALL_TIMEOUT_SECONDS)) {
                return unavailable("'" + SCRIPT + " install' failed: " + lastLines(log));
            }
            if (!run(List.of(script.toString(), "start", work.toString(), String.valueOf(LoopbackPort.free()),
                    String.valueOf(LoopbackPort.free())), log, START_TIMEOUT_SECONDS)) {
                run(List.of(script.toString(), "stop", work.toString()), log, 60);
                return unavailable("'" + SCRIPT + " start' failed: " + lastLines(log) + " (logs in " + work + "/log)");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> run(List.of(script.toString(), "stop", work.toString()), log, 60), "ceph-rgw-stop"));
            Map<String, String> env = readEnv(work.resolve("rgw.env"));
            return Optional.of(new CephRgwServer(URI.create(env.get("KFS_CEPH_ENDPOINT")),
                    env.get("KFS_CEPH_ACCESS_KEY"), env.get("KFS_CEPH_SECRET_KEY")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + work + " for Ceph", e);
        }
    }

    private static Optional<CephRgwServer> unavailable(String reason) {
        unavailableBecause = reason;
        String bar = "!".repeat(100);
        String banner = String.join(System.lineSeparator(), bar,
                "!!! CEPH RADOSGW IS NOT AVAILABLE: THE OBJECT LOCK TESTS ARE SKIPPED, NOT PASSED.",
                "!!! " + reason, bar, "");
        // Straight to the process's stderr: Surefire files System.err away with the test output, and
        // this must reach the console of whoever runs the build.
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        console.print(banner);
        System.err.print(banner);
        return Optional.empty();
    }

    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SCRIPT);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean run(List<String> command, Path log, long timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Files.writeString(log, command + " timed out after " + timeoutSeconds + " s\n",
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String lastLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static Map<String, String> readEnv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.stream()
                .filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1)));
    }

}
