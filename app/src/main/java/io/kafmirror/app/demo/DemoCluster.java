package io.kafmirror.app.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * The demo's Apache Kafka: one process-internal KRaft node (broker and controller) on 127.0.0.1, its log in
 * {@code <folder>/log}. The folder is formatted on the first start only, so a later start finds the topics and records
 * of the previous one. Listens on {@link #DEFAULT_PORT} (controller on the port after it) when both are free, so the
 * address stays the same between runs, otherwise on free ports.
 */
public final class DemoCluster implements AutoCloseable {

    /** The client port tried first. */
    public static final int DEFAULT_PORT = 19092;

    private final KafkaRaftServer server;
    private final String bootstrap;
    private final Path folder;

    private DemoCluster(KafkaRaftServer server, String bootstrap, Path folder) {
        this.server = server;
        this.bootstrap = bootstrap;
        this.folder = folder;
    }

    /** Starts the node on the data in {@code folder} (formatting it when new) and waits until it answers. */
    public static DemoCluster start(Path folder) {
        try {
            Files.createDirectories(folder);
            int port = DEFAULT_PORT;
            int controllerPort = DEFAULT_PORT + 1;
            if (!free(port) || !free(controllerPort)) {
                port = freePort();
                controllerPort = freePort();
            }
            Properties props = properties(folder, port, controllerPort);
            formatOnce(folder, props);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            DemoCluster cluster = new DemoCluster(server, "127.0.0.1:" + port, folder);
            cluster.awaitAnswer();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the demo cluster in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The bootstrap address, e.g. {@code 127.0.0.1:19092}. */
    public String bootstrap() {
        return bootstrap;
    }

    /** The folder of the node's configuration and log. */
    public Path folder() {
        return folder;
    }

    /** An Admin client of this cluster; the caller closes it. */
    public Admin admin() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "kaf-mirror-demo-admin");
        return Admin.create(p);
    }

    /** Stops the node; its log stays for the next start. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private void awaitAnswer() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("The demo cluster at " + bootstrap + " did not answer: " + e.getMessage(), e);
        }
    }

    private static Properties properties(Path folder, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", folder.resolve("log").toString());
        // One node: Kafka's internal topics must not wait for replicas that will never exist, or groups and
        // transactions hang.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The demo creates its topics itself; a typo in a client must not create one.
        p.put("auto.create.topics.enable", "false");
        // A demo left running for days must not fill a laptop's disk: the backup keeps what the source lets go.
        p.put("log.retention.hours", "24");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p;
    }

    /** Formats the log folder unless an earlier start did: formatting again would lose the demo's records. */
    private static void formatOnce(Path folder, Properties props) throws IOException {
        Path file = folder.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(writer, "kaf-mirror demo cluster, written on every start");
        }
        if (Files.exists(folder.resolve("log").resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = StorageTool.execute(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", file.toString())
                .toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Formatting the demo cluster's log in " + folder + " failed: "
                    + out.toString(StandardCharsets.UTF_8));
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
