package io.kafmirror.kfs.catalog;

/**
 * Keeps the server H2 starts for {@code AUTO_SERVER} (so that the console, the CLI and {@code kaf-mirror run} share a
 * database file) on the loopback address. Without it H2 listens on every interface and looks up this machine's host
 * name to advertise an address: a DNS query on an air-gapped workstation whose name is not in /etc/hosts, and a port
 * open to the network. H2 reads the setting once, so it is set before the first database of the process opens.
 */
public final class LoopbackH2Server {

    private static final String BIND_ADDRESS = "h2.bindAddress";

    private LoopbackH2Server() {
    }

    /** Binds H2's server to 127.0.0.1 unless the operator chose an address with {@code -Dh2.bindAddress}. */
    public static void ensure() {
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
    }
}
