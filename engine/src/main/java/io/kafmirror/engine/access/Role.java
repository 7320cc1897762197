package io.kafmirror.engine.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user or token may do; {@code AccessPolicy} in the state package maps every operation to the roles allowed. */
public enum Role {
    /** Everything, including users, tokens and the clusters and stores of the configuration. */
    ADMIN,
    /** Jobs, restores, drills, alerts (acknowledge, mute) and running the engine; reads everything but the audit log. */
    OPERATOR,
    /** Reads jobs, alerts, history and restores; changes nothing. */
    MONITOR,
    /** Reads the audit log, verifies and anchors it, exports evidence; changes nothing else. */
    COMPLIANCE;

    /** The name users type and see, e.g. {@code operator}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text} (any case); a clear error lists the roles there are. */
    public static Role parse(String text) {
        return Arrays.stream(values()).filter(r -> r.label().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no role '" + text + "': the roles are "
                        + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")) + "."));
    }
}
