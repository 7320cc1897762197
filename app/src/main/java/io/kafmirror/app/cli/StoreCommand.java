package io.kafmirror.app.cli;

import picocli.CommandLine.Command;

/** {@code kaf-mirror store ...}: inspect, verify and re-catalog a segment store. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Inspect, verify and re-catalog a segment store (a local folder or an S3 bucket).",
        subcommands = {StoreLs.class, StoreCat.class, StoreVerify.class, StoreRebuildCatalog.class, StoreVerifyLock.class})
public final class StoreCommand {
}
