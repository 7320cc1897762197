package io.kafmirror.engine.restore;

import io.kafmirror.engine.testkit.LocalArchive;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** A restore in a JVM of its own, so that a test can kill it with SIGKILL in the middle. */
public final class RestoreProcess {

    private RestoreProcess() {
    }

    /**
     * Arguments: the target's bootstrap address, the archive folder ({@link LocalArchive}), the topic of cluster
     * {@code prod}, the restore time in epoch milliseconds, the target topic, its start offsets as
     * {@code partition=offset,…}, and the rate limit in bytes per second. Prints the plan's cuts, then restores.
     */
    public static void main(String[] args) throws InterruptedException {
        Properties client = new Properties();
        client.put("bootstrap.servers", args[0]);
        RestoreRequest request = RestoreRequest.of("prod", args[2], new RestorePoint.AtTime(Instant.ofEpochMilli(Long.parseLong(args[3]))));
        Map<Integer, Long> starts = new TreeMap<>();
        for (String start : args[5].split(",")) {
            String[] partitionAndOffset = start.split("=");
            starts.put(Integer.parseInt(partitionAndOffset[0]), Long.parseLong(partitionAndOffset[1]));
        }
        try (LocalArchive local = LocalArchive.in(Path.of(args[1]))) {
            RestorePlan plan = new RestorePlanner(local.archive()).plan(request);
            System.out.println("restoring " + plan.cuts());
            new RestoreRun(local.archive(), plan, client, new RestoreTarget(args[4], starts), Long.parseLong(args[6]),
                    Clock.systemUTC()).run();
        }
    }
}
