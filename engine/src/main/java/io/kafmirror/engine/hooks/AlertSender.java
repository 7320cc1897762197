package io.kafmirror.engine.hooks;

import io.kafmirror.engine.config.AlertHooks;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.MirrorListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the alerts jobs raise to the configured command and webhook, on a thread of its own so a slow or hanging hook
 * never holds up mirroring. Only anomalies at or above the configured severity go out, and none that a mute in force
 * covers. A hook that fails is logged with what to check; the alert stays in the state database either way.
 */
public final class AlertSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSender.class);
    // A command or request still running after this is given up: the next alerts must not queue behind it for ever.
    private static final Duration HOOK_TIMEOUT = Duration.ofSeconds(30);
    private static final int QUEUED = 1_000;

    private final AlertHooks hooks;
    private final BiPredicate<String, MirrorEvent> muted;
    private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED), r -> {
                Thread t = new Thread(r, "kaf-mirror-alert-hooks");
                t.setDaemon(true);
                return t;
            });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A sender to {@code hooks}, asking {@code muted} whether a job's alert is covered by a mute in force. */
    public AlertSender(AlertHooks hooks, BiPredicate<String, MirrorEvent> muted) {
        this.hooks = hooks;
        this.muted = muted;
    }

    /** A listener sending the alerts of job {@code job}; it returns at once. */
    public MirrorListener listener(String job) {
        return new MirrorListener() {
            @Override
            public void event(MirrorEvent event) {
                if (event.type().anomaly() && hooks.sends(event.type().severity())) {
                    try {
                        sender.execute(() -> send(new AlertMessage(job, event)));
                    } catch (RejectedExecutionException e) {
                        LOG.error("{} alerts wait for the alert hooks already; this {} of job {} is not sent out (it is in"
                                + " the state database): check that the hooks answer", QUEUED, event.type(), job);
                    }
                }
            }
        };
    }

    private void send(AlertMessage alert) {
        try {
            if (muted.test(alert.job(), alert.event())) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot tell whether {} of job {} is muted; sending it: {}", alert.event().type(), alert.job(), e.getMessage());
        }
        if (!hooks.command().isEmpty()) {
            run(alert);
        }
        if (hooks.webhook() != null) {
            post(alert);
        }
    }

    private void run(AlertMessage alert) {
        ProcessBuilder builder = new ProcessBuilder(hooks.command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(alert.environment());
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write((alert.json() + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The command need not read its input; the variables carry the alert too.
            }
            if (!process.waitFor(HOOK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                LOG.warn("Alert command {} did not end within {} s; it was stopped", hooks.command(), HOOK_TIMEOUT.toSeconds());
            } else if (process.exitValue() != 0) {
                LOG.warn("Alert command {} exited with {} for {} of job {}", hooks.command(), process.exitValue(),
                        alert.event().type(), alert.job());
            }
        } catch (IOException e) {
            LOG.warn("Alert command {} cannot be run: {}; check alerts.command in the configuration", hooks.command(),
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(AlertMessage alert) {
        HttpRequest request = HttpRequest.newBuilder(hooks.webhook()).timeout(HOOK_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alert.json(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                LOG.warn("Alert webhook {} answered {} for {} of job {}", hooks.webhook(), response.statusCode(),
                        alert.event().type(), alert.job());
            }
        } catch (IOException e) {
            LOG.warn("Alert webhook {} cannot be reached: {}; check alerts.webhook in the configuration", hooks.webhook(),
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends what is queued, waiting up to {@code timeout}, then stops. */
    public void close(Duration timeout) {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
