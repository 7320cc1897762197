package io.kafmirror.app.cli;

import io.kafmirror.engine.evidence.EvidencePeriod;
import io.kafmirror.engine.evidence.PackExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evidence export}: the signed evidence pack of a period. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the evidence pack of a period: report.pdf, the data as CSV and JSON, and MANIFEST.sha256 signed"
                + " with this installation's Ed25519 key. VERIFY.md inside says how to check it with sha256sum and openssl.")
public final class EvidenceExport implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    DataOptions data;

    @Option(names = "--from", required = true, paramLabel = "TIME", converter = InstantConverter.class,
            description = "Start of the period: ISO-8601 with zone, or epoch ms.")
    Instant from;

    @Option(names = "--to", required = true, paramLabel = "TIME", converter = InstantConverter.class,
            description = "End of the period (included): ISO-8601 with zone, or epoch ms.")
    Instant to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The zip file to write, e.g. evidence-2026-q4.zip.")
    Path out;

    @Option(names = "--store", paramLabel = "STORE", description = "Only this configured store (repeatable); default: every one.")
    List<String> stores = List.of();

    @Option(names = "--overwrite", description = "Replace --out if it exists.")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EvidencePeriod period;
        try {
            period = new EvidencePeriod(from, to);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter printed = spec.commandLine().getOut();
        PackPrinter.print(new PackExport(config.load(), data.folder(), data::openState, VersionProvider.version(),
                Clock.systemUTC()).write(period, stores, out, overwrite), printed);
        printed.println("To check it: unzip it, then follow its VERIFY.md (sha256sum -c MANIFEST.sha256, then openssl pkeyutl -verify).");
        return 0;
    }
}
