package io.kafmirror.engine.testkit;

import io.kafmirror.engine.cluster.PartitionLeaders;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker (combined broker and controller, KRaft) running inside the test JVM on
 * loopback ports. Always has a PLAINTEXT listener; {@link TestListener}s add SASL listeners (SCRAM-SHA-512
 * with a user created when the storage is formatted, PLAIN) and TLS listeners.
 */
public final class KafkaTestBroker implements AutoCloseable {

    /** The user of the SASL listeners ({@link TestListener#SCRAM}, {@link TestListener#PLAIN}). */
    public static final String SCRAM_USER = "mirror";
    /** Its password. */
    public static final String SCRAM_PASSWORD = "mirror-secret";

    private static KafkaTestBroker shared;

    private final KafkaRaftServer server;
    private final String bootstrap;
    private final Map<TestListener, Integer> ports;
    private final Path dataDir;

    private KafkaTestBroker(KafkaRaftServer server, String bootstrap, Map<TestListener, Integer> ports, Path dataDir) {
        this.server = server;
        this.bootstrap = bootstrap;
        this.ports = ports;
        this.dataDir = dataDir;
    }

    /**
     * The broker the engine's tests share (with SCRAM), started on first use and stopped when the JVM
     * exits: one start instead of one per test class. Tests keep apart by topic names.
     */
    public static synchronized KafkaTestBroker shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("kaf-mirror-test-broker");
                shared = withScram(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-broker-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a folder for the shared test broker", e);
            }
        }
        return shared;
    }

    /** Starts a broker with a PLAINTEXT listener only. */
    public static KafkaTestBroker start(Path dataDir) {
        return start(dataDir, List.of());
    }

    /** Starts a broker with a PLAINTEXT listener and a SCRAM-SHA-512 listener. */
    public static KafkaTestBroker withScram(Path dataDir) {
        return start(dataDir, List.of(TestListener.SCRAM));
    }

    /**
     * Starts a broker with a PLAINTEXT and a SCRAM listener that enforces ACLs: {@link #SCRAM_USER} may do only what
     * {@link #grant} allows; the PLAINTEXT listener (the tests' own clients, the broker itself) acts as a super user.
     */
    public static KafkaTestBroker enforcingAcls(Path dataDir) {
        Properties acls = new Properties();
        acls.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        acls.put("super.users", "User:ANONYMOUS");
        return start(dataDir, List.of(TestListener.SCRAM), acls);
    }

    /** Allows {@link #SCRAM_USER} {@code operation} on the {@code type} resources {@code name} matches, as {@code pattern}. */
    public static AclBinding allowScramUser(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + SCRAM_USER, "*", operation, AclPermissionType.ALLOW));
    }

    /** Creates {@code grants} and waits until the broker lists them. */
    public void grant(List<AclBinding> grants) throws Exception {
        try (Admin admin = admin()) {
            admin.createAcls(grants).all().get();
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(grants)) {
                Thread.sleep(50);
            }
        }
    }

    /** Starts a broker with a PLAINTEXT listener and {@code listeners}. */
    public static KafkaTestBroker start(Path dataDir, List<TestListener> listeners) {
        return start(dataDir, listeners, new Properties());
    }

    /** Starts a broker with a PLAINTEXT listener and {@code listeners}, with extra broker settings on top of the test defaults. */
    public static KafkaTestBroker start(Path dataDir, List<TestListener> listeners, Properties overrides) {
        try {
            int port = freePort();
            int controllerPort = freePort();
            Map<TestListener, Integer> ports = new LinkedHashMap<>();
            for (TestListener listener : listeners) {
                ports.put(listener, freePort());
            }
            Properties props = brokerProperties(dataDir, port, controllerPort, ports);
            props.putAll(overrides);
            format(dataDir, props, ports.containsKey(TestListener.SCRAM));
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            KafkaTestBroker broker = new KafkaTestBroker(server, "127.0.0.1:" + port, Map.copyOf(ports), dataDir);
            broker.awaitReady();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a test broker in " + dataDir, e);
        }
    }

    /** The PLAINTEXT bootstrap address, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrap() {
        return bootstrap;
    }

    /** The SASL_PLAINTEXT (SCRAM-SHA-512) bootstrap address; only for a broker started {@link #withScram}. */
    public String scramBootstrap() {
        return "127.0.0.1:" + port(TestListener.SCRAM);
    }

    /** The port of {@code listener}, which this broker was started with; it listens on 127.0.0.1. */
    public int port(TestListener listener) {
        Integer port = ports.get(listener);
        if (port == null) {
            throw new IllegalStateException("This broker was started without the listener " + listener.name());
        }
        return port;
    }

    /** Client properties for the SCRAM listener as {@link #SCRAM_USER} with {@code password}; only for a broker started {@link #withScram}. */
    public Properties scramClient(String password) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, scramBootstrap());
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + SCRAM_USER + "\" password=\"" + password + "\";");
        return p;
    }

    /** Creates {@code topic} with {@code partitions} partitions and the given topic configs, waiting until it exists. */
    public void createTopic(String topic, int partitions, Map<String, String> configs) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all().get();
            if (!PartitionLeaders.await(admin, topic, partitions, Duration.ofSeconds(30))) {
                throw new IllegalStateException("Topic " + topic + " has partitions without a leader 30 s after its creation");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
        }
    }

    /** Client properties for the PLAINTEXT listener: its bootstrap address and nothing else. */
    public Properties client() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    /** Admin client on the PLAINTEXT listener; the caller closes it. */
    public Admin admin() {
        return Admin.create(client());
    }

    /** The broker's log directory, e.g. to inspect or damage. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("The test broker at " + bootstrap + " did not answer", e);
        }
    }

    private static Properties brokerProperties(Path dataDir, int port, int controllerPort,
                                               Map<TestListener, Integer> extraListeners) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        List<String> listeners = new ArrayList<>(List.of("PLAINTEXT://127.0.0.1:" + port,
                "CONTROLLER://127.0.0.1:" + controllerPort));
        List<String> protocols = new ArrayList<>(List.of("PLAINTEXT:PLAINTEXT", "CONTROLLER:PLAINTEXT"));
        extraListeners.forEach((listener, listenerPort) -> {
            listeners.add(listener.name() + "://127.0.0.1:" + listenerPort);
            protocols.add(listener.name() + ":" + listener.protocol());
            p.putAll(listener.settings());
        });
        p.put("listeners", String.join(",", listeners));
        p.put("advertised.listeners", String.join(",", listeners.stream()
                .filter(l -> !l.startsWith("CONTROLLER")).toList()));
        p.put("listener.security.protocol.map", String.join(",", protocols));
        p.put("log.dirs", dataDir.resolve("log").toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Small segments and a fast cleaner, so retention and compaction tests see their effect in seconds.
        p.put("log.segment.bytes", String.valueOf(1024 * 1024));
        p.put("log.retention.check.interval.ms", "500");
        p.put("log.cleaner.backoff.ms", "200");
        p.put("log.initial.task.delay.ms", "100");
        return p;
    }

    private static void format(Path dataDir, Properties props, boolean scram) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(writer, "kaf-mirror test broker");
        }
        List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(),
                "-c", file.toString(), "--ignore-formatted"));
        if (scram) {
            args.addAll(List.of("--add-scram",
                    "SCRAM-SHA-512=[name=" + SCRAM_USER + ",password=" + SCRAM_PASSWORD + "]"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = StorageTool.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Formatting " + dataDir + " failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
