package io.kafmirror.app.cli;

import picocli.CommandLine.Command;

/** {@code kaf-mirror audit ...}: the hash-chained log of every state-changing action, checked and anchored. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "List the audit log of every state-changing action; verify its hash chain and anchors; anchor it in the stores.",
        subcommands = {AuditList.class, AuditVerify.class, AuditAnchor.class})
public final class AuditCommand {
}
