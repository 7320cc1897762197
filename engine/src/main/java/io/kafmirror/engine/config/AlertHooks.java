package io.kafmirror.engine.config;

import io.kafmirror.engine.mirror.Severity;
import java.net.URI;
import java.util.List;

/**
 * Where alerts go out beyond the state database and the console, as they are raised: a local command and a webhook.
 * Neither is set unless configured, so nothing leaves the machine by default (air-gapped workstations set neither).
 *
 * @param command      a program and its arguments, run once per alert with the alert as JSON on its standard input
 *                     and in {@code KAF_MIRROR_ALERT_*} variables; empty for none
 * @param webhook      an http or https URL the alert is POSTed to as JSON; null for none
 * @param minSeverity  the least severity sent out; null for {@link Severity#WARNING}
 */
public record AlertHooks(List<String> command, URI webhook, Severity minSeverity) {

    /** Checks the command and the URL. */
    public AlertHooks {
        command = command == null ? List.of() : List.copyOf(command);
        if (command.stream().anyMatch(part -> part == null || part.isBlank()) ) {
            throw ConfigException.at(ConfigPath.of("alerts", "command"), "has an empty part: give the program, then each"
                    + " argument, e.g. [\"/usr/local/bin/page\", \"--team\", \"kafka\"]");
        }
        if (webhook != null && !("http".equalsIgnoreCase(webhook.getScheme()) || "https".equalsIgnoreCase(webhook.getScheme()))
                || webhook != null && webhook.getHost() == null) {
            throw ConfigException.at(ConfigPath.of("alerts", "webhook"), "'" + webhook + "' is not an http or https URL"
                    + " with a host, e.g. https://hooks.example.com/kaf-mirror");
        }
    }

    /** The least severity sent out: {@link #minSeverity}, {@link Severity#WARNING} by default. */
    public Severity threshold() {
        return minSeverity == null ? Severity.WARNING : minSeverity;
    }

    /** Whether an alert of {@code severity} goes out. */
    public boolean sends(Severity severity) {
        return severity.compareTo(threshold()) <= 0;
    }
}
