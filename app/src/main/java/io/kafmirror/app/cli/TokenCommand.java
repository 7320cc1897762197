package io.kafmirror.app.cli;

import picocli.CommandLine.Command;

/** {@code kaf-mirror users token ...}: API tokens for headless use, such as the service running {@code kaf-mirror run}. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Create, list and revoke API tokens for headless use (admin only).",
        subcommands = {TokenCreate.class, TokenList.class, TokenRevoke.class})
public final class TokenCommand {
}
