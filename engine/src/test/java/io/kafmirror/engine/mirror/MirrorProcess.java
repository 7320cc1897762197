package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/** A mirror in a JVM of its own, so a test can kill it with SIGKILL at any moment. */
public final class MirrorProcess {

    private MirrorProcess() {
    }

    /** Arguments: bootstrap address, data folder (catalog and store), topic prefix. Runs until killed. */
    public static void main(String[] args) {
        Path data = Path.of(args[1]);
        String prefix = args[2];
        Properties client = new Properties();
        client.put("bootstrap.servers", args[0]);
        MirrorSettings settings = MirrorSettings.defaults("crash", "prod", t -> t.startsWith(prefix))
                // Small, frequent segments, so a kill lands between, during and after uploads.
                .withFlush(16 * 1024, Duration.ofMillis(50));
        try (SegmentCatalog catalog = SegmentCatalog.open(data.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(data.resolve("store"))) {
            System.out.println("mirroring");
            new MirrorTask(settings, client, new SegmentArchive(store, catalog), MirrorListener.NONE,
                    Clock.systemUTC()).run();
        }
    }
}
