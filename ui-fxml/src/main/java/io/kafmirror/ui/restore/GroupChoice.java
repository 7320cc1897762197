package io.kafmirror.ui.restore;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The consumer groups a restore moves to the restore point on the target, as the operator types them: nothing for
 * none, names separated by commas or spaces, or {@code *} for every group with offsets on the topic ({@code --groups}).
 *
 * @param names the groups named; empty with {@link #all()} false when no group is moved
 * @param all   whether every group with offsets on the topic is moved
 */
public record GroupChoice(Set<String> names, boolean all) {

    /** No group is moved. */
    public static final GroupChoice NONE = new GroupChoice(Set.of(), false);

    public GroupChoice {
        names = Set.copyOf(names);
    }

    /** The groups {@code text} names; a {@code *} among names is refused, as it would silently mean every group. */
    public static GroupChoice parse(String text) {
        Set<String> names = new TreeSet<>(Arrays.stream(text == null ? new String[0] : text.trim().split("[,\\s]+"))
                .filter(n -> !n.isEmpty()).toList());
        if (names.equals(Set.of("*"))) {
            return new GroupChoice(Set.of(), true);
        }
        if (names.contains("*")) {
            throw new IllegalArgumentException("Consumer groups: give either * (every group with offsets on the topic) or"
                    + " group names, not both");
        }
        return names.isEmpty() ? NONE : new GroupChoice(names, false);
    }

    /** Whether any group is moved. */
    public boolean moves() {
        return all || !names.isEmpty();
    }
}
