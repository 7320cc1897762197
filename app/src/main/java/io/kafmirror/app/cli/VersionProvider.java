package io.kafmirror.app.cli;

import io.kafmirror.engine.ProductVersion;
import picocli.CommandLine;

/** Reports the version the build stamped into the jar. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"kaf-mirror " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** The version stamped into the jar, or {@code (development build)} when run from classes. */
    public static String version() {
        return ProductVersion.current();
    }
}
