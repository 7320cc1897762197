package io.kafmirror.engine.state;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A second program on the state database, run in its own JVM by {@link OtherProgram}: {@code shared}
 * opens it as the CLI does and answers {@code add NAME}, {@code audit N} (appends N audit entries), {@code list} and
 * {@code exit} on stdin;
 * {@code unshared} holds it open the way an H2 tool would, without AUTO_SERVER, until stdin closes.
 */
public final class StateProgram {

    private StateProgram() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (args[1].equals("unshared")) {
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("state"), "kaf-mirror", "")) {
                System.out.println("open");
                in.readLine();
            }
            return;
        }
        try (StateDatabase db = StateDatabaseFixture.actingAs(StateDatabase.open(dataDir, "cli"), "cli")) {
            System.out.println("open");
            for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
                if (line.startsWith("audit ")) {
                    for (int i = Integer.parseInt(line.substring(6)); i > 0; i--) {
                        db.audit().append(AuditAction.JOB_PAUSE, "from-cli", Map.of("left", i), AuditOutcome.OK, null);
                    }
                    System.out.println("appended");
                } else if (line.startsWith("add ")) {
                    db.jobs().add(line.substring(4), StateDatabaseTest.ORDERS);
                    System.out.println("added");
                } else {
                    System.out.println(db.jobs().list().stream().map(Job::name).collect(Collectors.joining(",")));
                }
            }
        }
    }
}
