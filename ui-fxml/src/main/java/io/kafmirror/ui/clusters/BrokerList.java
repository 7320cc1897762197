package io.kafmirror.ui.clusters;

import io.kafmirror.engine.config.ConfigException;

/** The as-you-type check of a cluster's {@code brokers}: {@code host:port} separated by commas, ports 1 to 65535. */
final class BrokerList {

    private BrokerList() {
    }

    /** The note for {@code text} as typed; references are expanded first, as the loader will. */
    static FieldNote check(String text, EnvironmentValues environment) {
        if (text == null || text.isBlank()) {
            return FieldNote.error("required: the bootstrap servers as host:port, separated by commas");
        }
        String expanded;
        try {
            expanded = environment.expand(text);
        } catch (ConfigException e) {
            return FieldNote.error(e.problem());
        }
        for (String address : expanded.split(",", -1)) {
            FieldNote problem = checkAddress(address.strip());
            if (problem.isError()) {
                return problem;
            }
        }
        return environment.note(text, false).orElse(FieldNote.NONE);
    }

    private static FieldNote checkAddress(String address) {
        if (address.isEmpty()) {
            return FieldNote.error("an empty address between commas: write host:port,host:port");
        }
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            return FieldNote.error("'" + address + "' has no port: write host:port, e.g. " + address + ":9092");
        }
        String host = address.substring(0, colon);
        String port = address.substring(colon + 1);
        if (host.isEmpty()) {
            return FieldNote.error("'" + address + "' has no host: write host:port, e.g. kafka-1:9092");
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            return FieldNote.error("'" + address + "' has a space in its host name: separate brokers with commas");
        }
        if (!port.matches("\\d{1,5}")) {
            return FieldNote.error("'" + port + "' in '" + address + "' is not a port number: use 1 to 65535");
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            return FieldNote.error("port " + number + " of '" + address + "' is out of range: use 1 to 65535");
        }
        return FieldNote.NONE;
    }
}
