package io.kafmirror.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kaf-mirror .deb the build made, unpacked with {@code dpkg-deb -x} into a throw-away root: its files where the
 * package puts them (under {@code root/opt/kaf-mirror}), run from there as an installed copy runs.
 */
final class UnpackedPackage {

    /** Where the package installs the application; absolute paths in its scripts and unit start with it. */
    static final String INSTALL_DIR = "/opt/kaf-mirror";

    private final Path deb;
    private final Path root;

    private UnpackedPackage(Path deb, Path root) {
        this.deb = deb;
        this.root = root;
    }

    /** Unpacks the one .deb in the build's package folder into {@code root}. */
    static UnpackedPackage unpack(Path root) throws IOException, InterruptedException {
        Path packages = Path.of(System.getProperty("installer.packages"));
        List<Path> debs;
        try (var files = Files.list(packages)) {
            debs = files.filter(f -> f.getFileName().toString().endsWith(".deb")).toList();
        }
        assertThat(debs).as(".deb files in %s", packages).hasSize(1);
        UnpackedPackage unpacked = new UnpackedPackage(debs.get(0), root);
        assertThat(unpacked.tool("dpkg-deb", "-x", debs.get(0).toString(), root.toString())).isEmpty();
        return unpacked;
    }

    /** The .deb file. */
    Path deb() {
        return deb;
    }

    /** {@code path} of an installed system (e.g. {@code /opt/kaf-mirror/bin/kaf-mirror}) in the unpacked root. */
    Path installed(String path) {
        return root.resolve(path.substring(1));
    }

    /** The {@code kaf-mirror} command as installed. */
    Path command() {
        return installed(INSTALL_DIR + "/bin/kaf-mirror");
    }

    /** A field of the package's control file, e.g. {@code Depends}. */
    String control(String field) throws IOException, InterruptedException {
        return tool("dpkg-deb", "-f", deb.toString(), field).strip();
    }

    /** A maintainer script of the package, e.g. {@code postinst}. */
    String script(String name) throws IOException, InterruptedException {
        return tool("dpkg-deb", "-I", deb.toString(), name);
    }

    /** Runs {@code kaf-mirror args} from the unpacked root with {@code environment}; its stdout after it exits 0. */
    String run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return run(command(), environment, args);
    }

    /** Runs {@code launcher args} (this package's or the app-image's) with {@code environment}; its stdout after it exits 0. */
    static String run(Path launcher, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return output(builder, "kaf-mirror " + String.join(" ", args));
    }

    /** Runs a tool of the build machine; its stdout after it exits 0. */
    String tool(String... command) throws IOException, InterruptedException {
        return output(new ProcessBuilder(command), String.join(" ", command));
    }

    private static String output(ProcessBuilder builder, String what) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s ends", what).isTrue();
        assertThat(process.exitValue()).as("exit code of %s, which printed:%n%s", what, out).isZero();
        return out;
    }
}
