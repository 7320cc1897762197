package io.kafmirror.engine.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link StateProgram} in another JVM, as the CLI is to the console: a test talks to it line by line. */
final class OtherProgram implements AutoCloseable {

    private final Process process;
    private final PrintWriter in;
    private final BufferedReader out;

    private OtherProgram(Process process) {
        this.process = process;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the program in {@code mode} ({@code shared} or {@code unshared}) and waits until it has the database open. */
    static OtherProgram start(Path dataDir, String mode) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider", StateProgram.class.getName(),
                dataDir.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        OtherProgram program = new OtherProgram(process);
        String first = program.answer();
        if (!"open".equals(first)) {
            program.close();
            throw new IllegalStateException("The other program did not open the database; it said: " + first);
        }
        return program;
    }

    /** Sends {@code command} and returns the line the program answers. */
    String ask(String command) throws Exception {
        in.println(command);
        return answer();
    }

    /** Tells the program to close the database and waits until it has exited. */
    void exit() throws Exception {
        in.println("exit");
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The other program did not exit within 30 s");
        }
    }

    private String answer() throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        in.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
