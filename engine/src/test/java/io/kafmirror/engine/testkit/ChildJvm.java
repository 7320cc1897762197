package io.kafmirror.engine.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/** A main class of the test sources in a JVM of its own, so that a test can kill it with SIGKILL at any moment. */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final String firstLine;
    private final Queue<String> output = new ConcurrentLinkedQueue<>();

    private ChildJvm(Process process) throws IOException {
        this.process = process;
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.firstLine = out.readLine();
        // Read on, or the child blocks once the pipe is full.
        Thread drain = new Thread(() -> out.lines().forEach(output::add), "child-jvm-output");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts {@code main} with {@code args} on the test's class path, logging to {@code target/test-child.log}, and
     * waits for the first line it prints.
     */
    public static ChildJvm start(Class<?> main, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
                "-Dlogback.configurationFile=" + Path.of("src/test/resources/logback-child.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + main.getName() + " in a JVM of its own", e);
        }
    }

    /** The first line it printed; null if it ended without printing one. */
    public String firstLine() {
        return firstLine;
    }

    /** Whether it still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** What it printed after its first line so far, for failure messages. */
    public String output() {
        return String.join("\n", output);
    }

    /** Kills it with SIGKILL, as {@code kill -9} or a crash of the machine would, and returns its exit status. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("A JVM killed with SIGKILL still runs after 30 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
