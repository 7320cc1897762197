package io.kafmirror.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The kaf-mirror version the build stamped into the distribution, as the CLI and the console print it into what they write. */
public final class ProductVersion {

    private ProductVersion() {
    }

    /** The version stamped into {@code kaf-mirror-version.properties}, or {@code (development build)} when run from classes. */
    public static String current() {
        Properties p = new Properties();
        try (InputStream in = ProductVersion.class.getResourceAsStream("/kaf-mirror-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the version stamped into the kaf-mirror jar: " + e.getMessage(), e);
        }
        return p.getProperty("version", "(development build)");
    }
}
