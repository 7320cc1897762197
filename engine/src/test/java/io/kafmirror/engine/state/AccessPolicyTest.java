package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.access.Operation;
import io.kafmirror.engine.access.Privilege;
import io.kafmirror.engine.access.Role;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A new audit action or privilege without a row would be refused to everyone at run time: every one has a row. */
class AccessPolicyTest {

    @Test
    void everyActionAndPrivilegeHasARowAndAdminMayDoEverything() {
        Stream.concat(Stream.of(AuditAction.values()), Stream.of(Privilege.values())).forEach((Operation operation) ->
                assertThat(AccessPolicy.roles(operation)).as(operation.code()).contains(Role.ADMIN));
    }
}
