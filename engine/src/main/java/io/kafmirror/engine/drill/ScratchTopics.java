package io.kafmirror.engine.drill;

import io.kafmirror.engine.config.TopicSelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scratch topics of a restore drill: named {@code kaf-mirror.drill.<drill id>.<source topic>} so that nothing else
 * uses them and a leftover says which drill left it, and deleted when the drill ends, whether it passed or not.
 */
final class ScratchTopics {

    /** The prefix reserved for drill scratch topics, which no job mirrors. */
    static final String PREFIX = TopicSelection.DRILL_SCRATCH_PREFIX;

    private static final Logger LOG = LoggerFactory.getLogger(ScratchTopics.class);
    private static final Duration DELETE_TIMEOUT = Duration.ofSeconds(60);

    private final Properties client;
    private final List<String> created = new ArrayList<>();

    ScratchTopics(Properties client) {
        this.client = client;
    }

    /** The scratch topic of {@code topic} in drill {@code drill}, remembered for deletion. */
    String of(long drill, String topic) {
        String name = PREFIX + drill + "." + topic;
        created.add(name);
        return name;
    }

    /** Deletes every scratch topic named so far; returns those still there (a topic never created counts as gone). */
    List<String> deleteAll() throws InterruptedException {
        List<String> left = new ArrayList<>();
        try (Admin admin = Admin.create(client)) {
            for (String topic : created) {
                try {
                    admin.deleteTopics(List.of(topic)).all().get(DELETE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    awaitGone(admin, topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        LOG.warn("Cannot delete the drill's scratch topic {}: {}", topic, e.getCause().getMessage());
                        left.add(topic);
                    }
                } catch (TimeoutException e) {
                    LOG.warn("Deleting the drill's scratch topic {} took over {}", topic, DELETE_TIMEOUT);
                    left.add(topic);
                }
            }
        }
        return left;
    }

    // The controller accepted the deletion; the brokers' metadata follows shortly, and a leftover is judged on it.
    private static void awaitGone(Admin admin, String topic) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + DELETE_TIMEOUT.toNanos();
        while (admin.listTopics().names().get(DELETE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("still listed");
            }
            Thread.sleep(100);
        }
    }
}
