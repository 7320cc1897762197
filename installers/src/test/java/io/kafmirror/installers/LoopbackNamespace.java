package io.kafmirror.installers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in a network namespace of its own whose only interface is loopback ({@code unshare --net} in a user
 * namespace, so no root is needed): nothing it does can reach another machine. Where the kernel refuses unprivileged
 * namespaces the command runs as it is, and says so; {@code OfflineDemoTest} in {@code app} guards every connection in
 * the JVM either way.
 */
final class LoopbackNamespace {

    private LoopbackNamespace() {
    }

    /** {@code command} inside the namespace, or as it is where namespaces are not allowed. */
    static List<String> wrap(List<String> command) throws InterruptedException {
        if (!available()) {
            System.out.println("No unprivileged network namespace here (unshare -rn refused): running " + command.get(0)
                    + " with the machine's network");
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--user", "--map-root-user", "--net", "sh", "-c",
                "ip link set lo up && exec \"$0\" \"$@\""));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean available() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("unshare", "--user", "--map-root-user", "--net", "ip", "link", "set", "lo", "up")
                    .redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
