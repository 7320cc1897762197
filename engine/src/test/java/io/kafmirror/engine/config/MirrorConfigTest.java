package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MirrorConfigTest {

    static final Map<String, ClusterConfig> CLUSTERS = Map.of("prod", ClusterConfig.of("k1:9092"));
    static final Map<String, StoreConfig> STORES = Map.of("laptop", new LocalStoreConfig(Path.of("/tmp/kfs")));
    static final JobConfig ORDERS = JobConfig.of("prod", "laptop", TopicSelection.parse("orders.*", ""));

    @Test
    void aJobMustUseADefinedClusterAndStore() {
        assertThatThrownBy(() -> new MirrorConfig(CLUSTERS, STORES, Map.of("orders", JobConfig.of("prd", "laptop", ORDERS.topics()))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.path()).isEqualTo(ConfigPath.of("jobs", "orders", "source")))
                .hasMessageContaining("the job 'orders' uses the cluster 'prd'")
                .hasMessageContaining("(defined: prod)");
        assertThatThrownBy(() -> new MirrorConfig(CLUSTERS, STORES, Map.of("orders", JobConfig.of("prod", "vault", ORDERS.topics()))))
                .hasMessageContaining("jobs.orders.store: the job 'orders' uses the store 'vault'")
                .hasMessageContaining("(defined: laptop)");
    }

    @Test
    void namesAreSafeInKeysAndFileNames() {
        assertThatThrownBy(() -> new MirrorConfig(Map.of("prod/eu", ClusterConfig.of("k:1")), null, null))
                .hasMessageContaining("clusters.\"prod/eu\": 'prod/eu' is not a valid name");
        assertThatThrownBy(() -> new MirrorConfig(null, Map.of("..", STORES.get("laptop")), null))
                .hasMessageContaining("is not a valid name");
        assertThatThrownBy(() -> new MirrorConfig(null, null, Map.of("x".repeat(65), ORDERS)))
                .hasMessageContaining("is not a valid name");
    }

    @Test
    void lookUpsListWhatIsDefined() {
        MirrorConfig config = new MirrorConfig(CLUSTERS, STORES, Map.of("orders", ORDERS));

        assertThat(config.job("orders")).isEqualTo(ORDERS);
        assertThat(config.cluster("prod")).isEqualTo(CLUSTERS.get("prod"));
        assertThatThrownBy(() -> config.cluster("staging")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("there is no cluster 'staging' (defined: prod)");
        assertThatThrownBy(() -> MirrorConfig.EMPTY.store("x")).hasMessageContaining("(none is defined)");
    }

    @Test
    void jobsAreAddedReplacedAndRemovedInOrder() {
        MirrorConfig config = new MirrorConfig(CLUSTERS, STORES, Map.of("orders", ORDERS))
                .withJob("audit", ORDERS)
                .withJob("orders", JobConfig.of("prod", "laptop", TopicSelection.parse("orders.v2", "")));

        assertThat(config.jobs().keySet()).containsExactly("orders", "audit");
        assertThat(config.job("orders").topics().includes()).containsExactly("orders.v2");
        assertThat(config.withoutJob("orders").jobs().keySet()).containsExactly("audit");
        assertThatThrownBy(() -> config.withJob("x", JobConfig.of("nope", "laptop", ORDERS.topics())))
                .hasMessageContaining("cluster 'nope'");
    }

    @Test
    void keepsTheOrderOfTheFileAndCannotBeChanged() {
        Map<String, ClusterConfig> clusters = new LinkedHashMap<>();
        clusters.put("b", ClusterConfig.of("b:1"));
        clusters.put("a", ClusterConfig.of("a:1"));
        MirrorConfig config = new MirrorConfig(clusters, null, null);

        assertThat(config.clusters().keySet()).containsExactly("b", "a");
        assertThatThrownBy(() -> config.clusters().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
