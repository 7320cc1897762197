package io.kafmirror.engine.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.kafmirror.engine.config.AlertHooks;
import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.MirrorListener;
import io.kafmirror.engine.mirror.Severity;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts go out to a real command and a real HTTP server on loopback, as configured, and only those that should. */
class AlertSenderTest {

    static final Instant AT = Instant.parse("2026-12-03T09:14:07.123Z");
    static final MirrorEvent DRIFT = new MirrorEvent(MirrorEvent.Type.FORMAT_DRIFT, AT, "payments", -1,
            "payments: 38 % of records since 09:14:07 are not valid JSON; before, 0 %");

    @TempDir
    Path dir;

    final List<String> posted = new CopyOnWriteArrayList<>();
    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anAnomalyRunsTheCommandWithTheAlertAsJsonAndVariablesAndIsPostedToTheWebhook() throws Exception {
        Path written = dir.resolve("alert.txt");
        AlertHooks hooks = new AlertHooks(List.of("sh", "-c", "cat > '" + written + "'; echo \"$KAF_MIRROR_ALERT_TYPE"
                + " $KAF_MIRROR_ALERT_SEVERITY $KAF_MIRROR_ALERT_RESTORE_POINT\" >> '" + written + "'"), webhook(200), null);

        try (AlertSender sender = new AlertSender(hooks, (job, event) -> false)) {
            sender.listener("orders").event(DRIFT);
        }

        List<String> lines = Files.readAllLines(written);
        assertThat(lines).hasSize(2);
        JsonNode json = new ObjectMapper().readTree(lines.get(0));
        assertThat(json.get("job").asText()).isEqualTo("orders");
        assertThat(json.get("type").asText()).isEqualTo("FORMAT_DRIFT");
        assertThat(json.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(json.get("at").asText()).isEqualTo("2026-12-03T09:14:07.123Z");
        assertThat(json.get("topic").asText()).isEqualTo("payments");
        assertThat(json.get("partition").asInt()).isEqualTo(-1);
        assertThat(json.get("message").asText()).isEqualTo(DRIFT.message());
        assertThat(json.get("restore_point").asText()).isEqualTo("2026-12-03T09:14:07.122Z");
        assertThat(lines.get(1)).isEqualTo("FORMAT_DRIFT CRITICAL 2026-12-03T09:14:07.122Z");
        assertThat(posted).containsExactly(lines.get(0));
    }

    @Test
    void routineEventsEventsBelowTheSeverityAndMutedAlertsStayHome() throws Exception {
        AlertHooks hooks = new AlertHooks(List.of(), webhook(200), Severity.CRITICAL);
        MirrorEvent added = new MirrorEvent(MirrorEvent.Type.TOPIC_ADDED, AT, "payments", -1, "payments is mirrored");
        MirrorEvent reset = new MirrorEvent(MirrorEvent.Type.GROUP_OFFSETS_RESET, AT, "payments", -1, "group billing reset");
        MirrorEvent gap = new MirrorEvent(MirrorEvent.Type.GAP, AT, "orders", 2, "offsets 10 to 19 were deleted");

        try (AlertSender sender = new AlertSender(hooks, (job, event) -> event.type() == MirrorEvent.Type.FORMAT_DRIFT)) {
            MirrorListener orders = sender.listener("orders");
            orders.event(added);
            orders.event(reset);
            orders.event(DRIFT);
            orders.event(gap);
        }

        assertThat(posted).singleElement().satisfies(body -> assertThat(body).contains("\"type\":\"GAP\""));
    }

    @Test
    void aHookThatFailsNeitherThrowsNorStopsTheOthers() throws Exception {
        AlertHooks hooks = new AlertHooks(List.of(dir.resolve("no-such-program").toString()), webhook(500), null);

        try (AlertSender sender = new AlertSender(hooks, (job, event) -> false)) {
            sender.listener("orders").event(DRIFT);
            sender.listener("orders").event(DRIFT);
        }

        assertThat(posted).as("both sent, though the command cannot run and the webhook answers 500").hasSize(2);
    }

    @Test
    void theConfigurationSendsNothingUnlessToldAndSaysWhatIsWrongWithAHook() {
        assertThat(load("clusters: {}\n").alerts()).isNull();
        MirrorConfig config = load("alerts:\n  command: [/usr/local/bin/page, --team, kafka]\n"
                + "  webhook: https://hooks.example.com/kaf-mirror\n  min_severity: critical\n");
        assertThat(config.alerts()).isEqualTo(new AlertHooks(List.of("/usr/local/bin/page", "--team", "kafka"),
                URI.create("https://hooks.example.com/kaf-mirror"), Severity.CRITICAL));
        assertThat(new AlertHooks(null, null, null).threshold()).isEqualTo(Severity.WARNING);

        assertThatThrownBy(() -> load("alerts:\n  webhook: ftp://hooks.example.com/x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerts.webhook: 'ftp://hooks.example.com/x' is not an http or https URL with a host");
    }

    private static MirrorConfig load(String yaml) {
        return new ConfigLoader().load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "kaf-mirror.yml");
    }

    private URI webhook(int status) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
    }
}
