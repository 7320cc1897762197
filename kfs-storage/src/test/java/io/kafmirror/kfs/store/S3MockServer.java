package io.kafmirror.kfs.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for tests: Adobe S3Mock's Spring Boot jar (copied by the build into
 * {@code target/s3mock/s3mock.jar}), started once per JVM with {@code java -jar} and stopped by a
 * shutdown hook.
 *
 * <p>S3Mock 4.x takes Spring properties: {@code server.port} is its main connector (HTTPS by default;
 * here plain HTTP with {@code server.ssl.enabled=false}, bound to 127.0.0.1 through
 * {@code server.address}) and {@code com.adobe.testing.s3mock.httpPort} an extra HTTP connector it
 * always opens, on all interfaces (its code sets no address, and port -1 makes it fail to start). We
 * give that one a free port too and talk only to the loopback-bound one. S3Mock accepts any credentials
 * and does not enforce Object Lock.
 */
public final class S3MockServer implements S3TestServer {

    static final String ACCESS_KEY = "kfs-test";
    static final String SECRET_KEY = "kfs-test-secret";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static S3MockServer shared;

    private final URI endpoint;

    private S3MockServer(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized S3MockServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public S3StoreConfig config(String bucket) {
        return S3StoreConfig.forEndpoint(endpoint, bucket, ACCESS_KEY, SECRET_KEY);
    }




    private static S3MockServer start() {
        Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; run the tests through Maven, which copies it"
                    + " during process-test-resources");
        }
        try {
            int port = LoopbackPort.free();
            Path root = Files.createTempDirectory("s3mock-");
            Path log = jar.resolveSibling("s3mock.log");
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Start-up speed matters more than peak speed for a test server.
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                    "-jar", jar.toString(),
                    "--server.address=127.0.0.1",
                    "--server.port=" + port,
                    "--server.ssl.enabled=false",
                    "--com.adobe.testing.s3mock.httpPort=" + LoopbackPort.free(),
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--spring.main.banner-mode=off");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "s3mock-stop"));
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            awaitAnswer(endpoint, process, log);
            return new S3MockServer(endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start S3Mock from " + jar, e);
        }
    }

    private static void awaitAnswer(URI endpoint, Process process, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + log);
            }
            if (answers(endpoint)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for S3Mock", e);
            }
        }
        throw new IllegalStateException("S3Mock did not answer at " + endpoint + " within " + START_TIMEOUT
                + "; see " + log);
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }


    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
