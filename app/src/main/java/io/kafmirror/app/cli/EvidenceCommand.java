package io.kafmirror.app.cli;

import picocli.CommandLine.Command;

/** {@code kaf-mirror evidence ...}: the signed evidence pack for auditors, and the key that signs it. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Export a signed evidence pack (PDF report, CSV and JSON data, signed manifest) for a period; show the signing key.",
        subcommands = {EvidenceExport.class, EvidenceScheduled.class, EvidenceKeyShow.class})
public final class EvidenceCommand {
}
