package io.kafmirror.installers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the test needs of the package's systemd unit, read as systemd reads it: {@code ExecStart}, the
 * {@code Environment=NAME=value} lines and {@code SuccessExitStatus} (with 0, always a success).
 */
record ServiceUnit(String execStart, Map<String, String> environment, List<Integer> successExitStatus) {

    /** The unit in {@code text}. */
    static ServiceUnit parse(String text) {
        String execStart = null;
        Map<String, String> environment = new LinkedHashMap<>();
        List<Integer> success = new ArrayList<>(List.of(0));
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.startsWith("ExecStart=")) {
                execStart = value(line);
            } else if (line.startsWith("Environment=")) {
                String assignment = value(line);
                int equals = assignment.indexOf('=');
                environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
            } else if (line.startsWith("SuccessExitStatus=")) {
                for (String code : value(line).split("\\s+")) {
                    success.add(Integer.parseInt(code));
                }
            }
        }
        if (execStart == null) {
            throw new IllegalArgumentException("The unit has no ExecStart:\n" + text);
        }
        return new ServiceUnit(execStart, environment, success);
    }

    private static String value(String line) {
        return line.substring(line.indexOf('=') + 1);
    }
}
