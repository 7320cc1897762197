package io.kafmirror.ui.users;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Privilege;
import io.kafmirror.engine.state.AccessPolicy;
import io.kafmirror.engine.state.ApiToken;
import io.kafmirror.engine.state.AuditAction;
import io.kafmirror.engine.state.UserAccount;
import java.util.List;

/**
 * What the Users screen read: who acts, whether the data folder has users, and the users and tokens when the access
 * policy lets that principal list them (empty otherwise).
 *
 * @param principal who the console acts as
 * @param claimed   whether the data folder has users
 * @param users     every user, removed ones too
 * @param tokens    every API token, revoked ones too
 */
public record UsersReading(Principal principal, boolean claimed, List<UserAccount> users, List<ApiToken> tokens) {

    /** Whether the principal may list users and tokens in a folder that has them. */
    public boolean listed() {
        return claimed && AccessPolicy.allows(principal, Privilege.READ_USERS);
    }

    /** Whether the principal may add, change and remove users and tokens; the engine checks each change again. */
    public boolean manages() {
        return claimed && AccessPolicy.allows(principal, AuditAction.USER_ADD);
    }
}
