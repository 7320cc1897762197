package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kaf-mirror} as a process of its own, as an operator runs it, so a test can SIGTERM or SIGKILL it. */
final class CliProcess {

    private CliProcess() {
    }

    /**
     * Starts {@code kaf-mirror args} on the test's class path with stderr in {@code log} (kept for a failing test's
     * diagnosis), waits for its first line on stdout, checks it starts with {@code firstLine}, and drains the rest.
     */
    static Process start(Path log, String firstLine, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), KafMirror.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("first line of kaf-mirror %s", args[0]).startsWith(firstLine);
        Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "cli-output");
        drain.setDaemon(true);
        drain.start();
        return process;
    }
}
