package io.kafmirror.ui.clusters;

import io.kafmirror.engine.cluster.ClusterProbe;
import io.kafmirror.engine.cluster.ClusterReport;
import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.SaslMechanism;
import io.kafmirror.engine.config.SecurityConfig;
import io.kafmirror.engine.mirror.SourceAccessException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test connection of a cluster: connects as a backup job would, through the engine's {@link ClusterProbe}
 * (what {@code kaf-mirror clusters test} uses), and says in one line what it found or why it cannot.
 * Blocks: run it off the FX thread.
 */
public final class ClusterCheck {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final Duration timeout;

    /** A check that gives up after {@code timeout}. */
    public ClusterCheck(Duration timeout) {
        this.timeout = timeout;
    }

    /** Connects to {@code cluster} and reports; an interrupted thread ends it early. */
    public CheckOutcome run(ClusterConfig cluster) {
        // kafka-clients retries a refused connection until its timeout and then only says it had no answer;
        // one plain socket per address tells "nothing listens there" at once and in plain words.
        List<String> refusals = new ArrayList<>();
        for (String address : cluster.brokers().split(",")) {
            String refusal = refusal(address.strip());
            if (refusal == null) {
                return probe(cluster);
            }
            refusals.add(refusal);
        }
        return CheckOutcome.failed("Cannot reach any broker: " + String.join("; ", refusals) + ". Check the host names"
                + " and ports, and that this machine may connect to them (firewall, VPN).");
    }

    private CheckOutcome probe(ClusterConfig cluster) {
        try {
            ClusterReport report = new ClusterProbe(cluster.clientProperties(), timeout).probe();
            String summary = count(report.brokers().size(), "broker") + ", " + count(report.topics().size(), "topic")
                    + ", " + authentication(cluster.security());
            String details = "Cluster id " + report.clusterId() + ", controller " + report.controllerId()
                    + ", brokers " + String.join(", ", report.brokers());
            return CheckOutcome.passed(summary, details);
        } catch (SourceAccessException e) {
            return CheckOutcome.failed(e.getMessage());
        }
    }

    private static String refusal(String address) {
        int colon = address.lastIndexOf(':');
        String host = address.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(address.substring(colon + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return null;
        } catch (IOException e) {
            return address + " (" + reason(e) + ")";
        }
    }

    private static String reason(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.toLowerCase(Locale.ROOT);
    }

    private static String authentication(SecurityConfig security) {
        String transport = security.tls().enabled() ? " over TLS" : "";
        if (security.saslMechanism() != SaslMechanism.NONE) {
            return "authenticated as " + security.saslUsername() + " (" + security.saslMechanism().kafkaName() + ")" + transport;
        }
        if (security.tls().keyStore() != null) {
            return "authenticated by client certificate" + transport;
        }
        return "no authentication (" + security.securityProtocol() + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
