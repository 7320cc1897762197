package io.kafmirror.bench;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The engine's test broker in a JVM of its own, started with {@code setsid} in a session of its own: with the kernel's
 * autogroup scheduling ({@code /proc/sys/kernel/sched_autogroup_enabled}) a session is one scheduling group, so the
 * broker gets a share of the CPU beside the benchmark's JVM rather than competing thread by thread with it, as a broker
 * on another machine would not compete at all. The child is driven over its standard input: a line
 * {@code topic NAME PARTITIONS [KEY=VALUE ...]} creates a topic; end of input stops it, so it never outlives the benchmark.
 */
final class BrokerProcess implements BenchBroker {

    private static final String READY = "ready ";
    private static final String DONE = "done";

    private final Process process;
    private final BufferedReader replies;
    private final Writer commands;
    private final String bootstrap;
    private final Path dir;

    private BrokerProcess(Process process, Path dir) throws IOException {
        this.process = process;
        this.dir = dir;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String first = reply();
        // Anything a library prints before the broker is up is not the answer.
        while (!first.startsWith(READY)) {
            first = reply();
        }
        this.bootstrap = first.substring(READY.length());
    }

    /** Starts the broker in a new session, its log and data in {@code dir}, and waits until it takes requests. */
    static BrokerProcess start(Path dir) throws IOException {
        Files.createDirectories(dir);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of("setsid", java, "-Xms1g", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                BrokerProcess.class.getName(), dir.resolve("broker").toString());
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("broker-process.log").toFile()).start();
        return new BrokerProcess(process, dir);
    }

    @Override
    public String bootstrap() {
        return bootstrap;
    }

    @Override
    public void createTopic(String topic, int partitions, Map<String, String> configs) {
        StringBuilder line = new StringBuilder("topic " + topic + " " + partitions);
        new TreeMap<>(configs).forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        try {
            commands.write(line + "\n");
            commands.flush();
            String reply = reply();
            if (!reply.equals(DONE)) {
                throw new IllegalStateException("The broker process could not create " + topic + ": " + reply);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The broker process stopped taking commands; see " + log(), e);
        }
    }

    @Override
    public String description() {
        long pid = process.pid();
        return "in process " + pid + " of its own session (setsid; kernel.sched_autogroup_enabled="
                + read(Path.of("/proc/sys/kernel/sched_autogroup_enabled")) + ", its group " + read(Path.of("/proc/" + pid
                + "/autogroup")) + ", this JVM's " + read(Path.of("/proc/self/autogroup")) + "); data and log in " + dir;
    }

    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String reply() throws IOException {
        String line = replies.readLine();
        if (line == null) {
            throw new IOException("The broker process ended; see " + log());
        }
        return line;
    }

    private Path log() {
        return dir.resolve("broker-process.log");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "unknown (" + file + " unreadable)";
        }
    }

    /** The child: starts the broker in {@code args[0]}, says {@code ready BOOTSTRAP}, then runs commands until its input ends. */
    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        try (KafkaTestBroker broker = KafkaTestBroker.start(Path.of(args[0]));
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println(READY + broker.bootstrap());
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(run(broker, line));
                out.flush();
            }
        }
        // The broker's non-daemon threads would keep the process alive.
        System.exit(0);
    }

    private static String run(KafkaTestBroker broker, String line) {
        String[] words = line.split(" ");
        try {
            Map<String, String> configs = new TreeMap<>();
            for (int i = 3; i < words.length; i++) {
                String[] pair = words[i].split("=", 2);
                configs.put(pair[0], pair[1]);
            }
            broker.createTopic(words[1], Integer.parseInt(words[2]), configs);
            return DONE;
        } catch (RuntimeException e) {
            List<String> causes = new ArrayList<>();
            for (Throwable t = e; t != null; t = t.getCause()) {
                causes.add(String.valueOf(t.getMessage()));
            }
            return String.join(": ", causes);
        }
    }
}
