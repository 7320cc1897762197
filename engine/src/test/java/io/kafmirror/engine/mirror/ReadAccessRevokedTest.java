package io.kafmirror.engine.mirror;

import static io.kafmirror.engine.testkit.KafkaTestBroker.allowScramUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup user's Read permission is taken away while the backup runs, on a broker that enforces ACLs (a broker of
 * this class's own: the shared one has no authorizer): the refusal is an authentication/ACL event naming the topic and
 * what to grant, not only a failed run.
 */
class ReadAccessRevokedTest {

    private static final String TOPIC = "acl.payments";

    @TempDir
    static Path dir;
    static KafkaTestBroker broker;

    @BeforeAll
    static void startBrokerWithAcls() throws Exception {
        broker = KafkaTestBroker.enforcingAcls(dir.resolve("broker"));
        broker.createTopic(TOPIC, 2, Map.of());
        broker.grant(List.of(
                allowScramUser(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE),
                allowScramUser(ResourceType.TOPIC, TOPIC, PatternType.LITERAL, AclOperation.DESCRIBE),
                allowScramUser(ResourceType.TOPIC, TOPIC, PatternType.LITERAL, AclOperation.READ)));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void readTakenAwayMidRunIsAnAuthFailureOfTheTopicSayingWhatToGrant() throws Exception {
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            MirrorSettings settings = MirrorSettings.defaults("acl", "prod", TOPIC::equals)
                    .withFlush(64 * 1024, Duration.ofMillis(100));
            RunningMirror mirror = new RunningMirror(settings, broker.scramClient(KafkaTestBroker.SCRAM_PASSWORD),
                    new SegmentArchive(store, catalog));
            try {
                send(producer, 0, 100);
                mirror.awaitStored(TOPIC, 100);
                assertThat(mirror.reported.eventTypes()).as("while allowed").doesNotContain(MirrorEvent.Type.AUTH_FAILURE);

                Instant revoked = Instant.now();
                try (Admin admin = broker.admin()) {
                    admin.deleteAcls(List.of(new AclBindingFilter(
                            new ResourcePatternFilter(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
                            new AccessControlEntryFilter("User:" + KafkaTestBroker.SCRAM_USER, "*", AclOperation.READ, AclPermissionType.ALLOW)))).all().get();
                }
                send(producer, 100, 100);
                Throwable failure = mirror.awaitFailure();

                assertThat(failure).isInstanceOf(SourceAccessException.class);
                assertThat(((SourceAccessException) failure).authFailure()).isTrue();
                assertThat(mirror.reported.events).filteredOn(e -> e.type() == MirrorEvent.Type.AUTH_FAILURE)
                        .singleElement().satisfies(e -> {
                            assertThat(e.topic()).isEqualTo(TOPIC);
                            assertThat(e.partition()).isEqualTo(-1);
                            assertThat(e.at()).isAfterOrEqualTo(revoked.minusMillis(1));
                            assertThat(e.message()).isEqualTo("The source cluster denied access while reading the mirrored"
                                    + " topics: Not authorized to access topics: [" + TOPIC + "]. Grant the backup user"
                                    + " Describe and Read on the topics (and Describe on the cluster).");
                        });
                assertThat(mirror.reported.eventTypes()).containsExactly(MirrorEvent.Type.AUTH_FAILURE);
            } finally {
                mirror.close();
            }
        }
    }

    private static void send(SourceProducer producer, int from, int count) {
        for (int i = from; i < from + count; i++) {
            producer.send(TOPIC, i % 2, "p-" + i, "{\"payment\":" + i + "}");
        }
        producer.confirm();
    }
}
