package io.kafmirror.app.cli;

import picocli.CommandLine.Command;

/** {@code kaf-mirror users ...}: the local users of a data folder and their API tokens (admin only, but init). */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Claim the data folder with its first admin; add, list and remove users, change roles and passwords;"
                + " create and revoke API tokens for headless use. Roles: admin, operator, monitor, compliance.",
        subcommands = {UsersInit.class, UsersAdd.class, UsersList.class, UsersRemove.class, UsersRole.class, UsersPasswd.class,
                TokenCommand.class})
public final class UsersCommand {
}
