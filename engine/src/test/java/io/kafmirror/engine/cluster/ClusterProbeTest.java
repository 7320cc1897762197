package io.kafmirror.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.mirror.SourceAccessException;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClusterProbeTest {

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void reportsBrokersAndTopicsThroughScram() {
        broker.createTopic("probe.visible", 1, Map.of());

        ClusterReport report = new ClusterProbe(broker.scramClient(KafkaTestBroker.SCRAM_PASSWORD), Duration.ofSeconds(15))
                .probe();

        assertThat(report.brokers()).hasSize(1);
        assertThat(report.clusterId()).isNotBlank();
        assertThat(report.controllerId()).isEqualTo(1);
        assertThat(report.topics()).contains("probe.visible").noneMatch(t -> t.startsWith("__"));
    }

    @Test
    void aWrongPasswordIsReportedAsRefusedCredentials() {
        assertThatThrownBy(() -> new ClusterProbe(broker.scramClient("guess"), Duration.ofSeconds(15)).probe())
                .isInstanceOf(SourceAccessException.class)
                .hasMessageContaining("rejected our credentials")
                .hasMessageNotContaining("guess")
                .satisfies(e -> assertThat(((SourceAccessException) e).authFailure()).isTrue());
    }

    @Test
    void anUnreachableClusterIsReportedWithWhatToCheck() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Properties client = new Properties();
        client.put("bootstrap.servers", "127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> new ClusterProbe(client, Duration.ofSeconds(3)).probe())
                .isInstanceOf(SourceAccessException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("Check the broker addresses")
                .satisfies(e -> assertThat(((SourceAccessException) e).authFailure()).isFalse());
    }
}
