package io.kafmirror.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.S3BucketConfig;
import io.kafmirror.engine.config.SaslMechanism;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.SameThread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load, edit, save and revert through a real configuration file, read back with the engine's loader. */
class ClustersViewModelTest {

    private static final String ME = System.getProperty("user.name");

    private static final Map<String, String> ENVIRONMENT = Map.of("KAFKA_PASS", "s3cret", "S3_KEY", "AKIA", "S3_SECRET", "xyz");

    @TempDir
    Path folder;
    private Path file;
    private ClustersViewModel model;

    @BeforeEach
    void writeFile() throws Exception {
        file = folder.resolve("config.yml");
        Files.writeString(file, """
                clusters:
                  prod:
                    brokers: "k1:9093,k2:9093"
                    security:
                      sasl_mechanism: SCRAM-SHA-512
                      sasl_username: alice
                      sasl_password: "${KAFKA_PASS}"
                stores:
                  vault: { type: s3, bucket: kafka-backup, region: eu-central-1, access_key: "${S3_KEY}", secret_key: "${S3_SECRET}" }
                jobs:
                  orders: { source: prod, store: vault, topics: "orders.*" }
                """);
        model = new ClustersViewModel(file, folder.resolve("data"), ENVIRONMENT, Runnable::run, new SameThread(), Duration.ofSeconds(5));
        model.load();
    }

    private MirrorConfig reloaded() {
        return new ConfigLoader(ENVIRONMENT).load(file);
    }

    @Test
    void loads_the_file_as_forms_with_secrets_as_their_references() {
        assertThat(model.entries()).extracting(e -> e.nameProperty().get()).containsExactly("prod", "vault");
        ClusterForm prod = (ClusterForm) model.entries().get(0);
        assertThat(prod.saslPasswordProperty().get()).isEqualTo("${KAFKA_PASS}");
        assertThat(prod.saslMechanismProperty().get()).isEqualTo(SaslMechanism.SCRAM_SHA_512);
        assertThat(((StoreForm) model.entries().get(1)).secretKeyProperty().get()).isEqualTo("${S3_SECRET}");
        assertThat(model.selectedProperty().get()).isSameAs(prod);
        assertThat(model.unsavedProperty().get()).isFalse();
        assertThat(model.entries()).allMatch(e -> e.validProperty().get());
    }

    @Test
    void saved_changes_load_with_the_engine_loader_to_the_same_values_and_keep_the_jobs() throws Exception {
        ClusterForm prod = (ClusterForm) model.entries().get(0);
        prod.brokersProperty().set("k1:9093,k2:9093,k3:9093");
        model.addCluster();
        ClusterForm dr = (ClusterForm) model.selectedProperty().get();
        dr.nameProperty().set("dr");
        dr.brokersProperty().set("dr-1:9092");
        dr.propertiesProperty().set("client.dns.lookup=use_all_dns_ips");
        model.addStore();
        StoreForm local = (StoreForm) model.selectedProperty().get();
        local.pathProperty().set("segments");
        assertThat(model.unsavedProperty().get()).isTrue();

        model.save();

        MirrorConfig saved = reloaded();
        assertThat(saved.clusters().keySet()).containsExactly("prod", "dr");
        assertThat(saved.cluster("prod").brokers()).isEqualTo("k1:9093,k2:9093,k3:9093");
        assertThat(saved.cluster("prod").security().saslPassword().writtenAs()).contains("${KAFKA_PASS}");
        assertThat(saved.cluster("prod").security().saslPassword().reveal()).isEqualTo("s3cret");
        assertThat(saved.cluster("dr")).isEqualTo(new ConfigLoader().read("""
                brokers: dr-1:9092
                properties: { client.dns.lookup: use_all_dns_ips }
                """, ClusterConfig.class, "expected"));
        assertThat(saved.stores().keySet()).containsExactly("vault", "store");
        assertThat(saved.store("store")).hasFieldOrPropertyWithValue("path", folder.resolve("segments"));
        assertThat(((S3BucketConfig) saved.store("vault")).secretKey().writtenAs()).contains("${S3_SECRET}");
        assertThat(saved.jobs()).containsOnlyKeys("orders");
        assertThat(model.unsavedProperty().get()).isFalse();
        assertThat(model.statusProperty().get().text()).startsWith("Saved 2 clusters and 2 stores");
        assertThat(Files.readString(file)).doesNotContain("s3cret", "xyz");
        AuditEntry audited = audit().get(0);
        assertThat(audited).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::target, AuditEntry::outcome)
                .containsExactly(ME, "config.save", file.toAbsolutePath().toString(), AuditOutcome.OK);
        assertThat(audited.parameters())
                .contains("\"clusters\":{\"added\":{\"dr\":{\"brokers\":\"dr-1:9092\"", "\"changed\":{\"prod\":{\"brokers\":\"k1:9093,k2:9093,k3:9093\"",
                        "\"sasl_password\":\"[redacted]\"", "\"stores\":{\"added\":{\"store\":{", "\"removed\":[]")
                .doesNotContain("s3cret", "KAFKA_PASS");
    }

    @Test
    void revert_drops_unsaved_changes_and_reads_the_file_again() {
        ((ClusterForm) model.entries().get(0)).brokersProperty().set("elsewhere:9092");
        model.addStore();
        model.revert();
        assertThat(model.entries()).extracting(e -> e.nameProperty().get()).containsExactly("prod", "vault");
        assertThat(((ClusterForm) model.entries().get(0)).brokersProperty().get()).isEqualTo("k1:9093,k2:9093");
        assertThat(model.unsavedProperty().get()).isFalse();
    }

    @Test
    void duplicate_and_delete() {
        model.duplicate();
        assertThat(model.selectedProperty().get().nameProperty().get()).isEqualTo("prod-copy");
        model.duplicate();
        assertThat(model.selectedProperty().get().nameProperty().get()).isEqualTo("prod-copy-copy");
        model.selectedProperty().get().nameProperty().set("prod");
        assertThat(model.entries().get(0).noteProperty(EntryForm.NAME).get().text()).contains("is named 'prod'");
        model.delete();
        assertThat(model.entries().get(0).validProperty().get()).isTrue();
        assertThat(model.entries()).extracting(e -> e.nameProperty().get()).containsExactly("prod", "prod-copy", "vault");
    }

    @Test
    void an_invalid_form_or_a_job_left_without_its_cluster_is_not_saved() throws Exception {
        String before = Files.readString(file);
        ClusterForm prod = (ClusterForm) model.entries().get(0);
        prod.saslPasswordProperty().set("typed-in-clear");
        model.selectedProperty().set(model.entries().get(1));
        model.save();
        assertThat(model.selectedProperty().get()).isSameAs(prod);
        assertThat(model.statusProperty().get().text()).isEqualTo("Not saved: fix the fields marked in prod");

        prod.saslPasswordProperty().set("${KAFKA_PASS}");
        model.delete();
        model.save();
        assertThat(model.unsavedProperty().get()).isTrue();
        assertThat(model.statusProperty().get().text()).contains("the job 'orders' uses the cluster 'prod'");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void a_file_changed_on_disk_since_it_was_read_is_not_overwritten() throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        ((ClusterForm) model.entries().get(0)).brokersProperty().set("k9:9092");
        model.save();
        assertThat(model.unsavedProperty().get()).isTrue();
        assertThat(model.statusProperty().get().text()).contains("changed on disk since it was opened");
        assertThat(audit()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(e.reason()).contains("changed on disk since it was opened");
            assertThat(e.parameters()).contains("\"changed\":{\"prod\":{\"brokers\":\"k9:9092\"");
        });
    }

    private List<AuditEntry> audit() {
        try (StateDatabase state = StateDatabase.open(folder.resolve("data"), "cli")) {
            return state.audit().list(AuditFilter.all());
        }
    }

    @Test
    void a_file_that_does_not_load_is_shown_and_not_editable() throws Exception {
        Files.writeString(file, "clusters:\n  prod: { brokers: k1 }\n");
        model.load();
        assertThat(model.loadedProperty().get()).isFalse();
        assertThat(model.entries()).isEmpty();
        assertThat(model.statusProperty().get().text()).contains("config.yml:2").contains("'k1' is not host:port");
        model.save();
        assertThat(Files.readString(file)).isEqualTo("clusters:\n  prod: { brokers: k1 }\n");
    }

    @Test
    void a_missing_file_is_an_empty_configuration_created_by_save() throws Exception {
        Path fresh = folder.resolve("new.yml");
        ClustersViewModel empty = new ClustersViewModel(fresh, folder.resolve("data"), ENVIRONMENT, Runnable::run, new SameThread(), Duration.ofSeconds(5));
        empty.load();
        assertThat(empty.entries()).isEmpty();
        empty.addCluster();
        ((ClusterForm) empty.selectedProperty().get()).brokersProperty().set("k1:9092");
        empty.save();
        assertThat(new ConfigLoader().load(fresh).cluster("cluster").brokers()).isEqualTo("k1:9092");
    }

    @Test
    void a_secret_typed_in_clear_is_saved_encrypted_with_the_passphrase_and_refused_without_one() throws Exception {
        ClusterForm prod = (ClusterForm) model.entries().get(0);
        prod.saslPasswordProperty().set("typed-in-clear");
        assertThat(prod.noteProperty(ClusterForm.SASL_PASSWORD).get().text()).startsWith("a secret typed here cannot be saved in clear");
        model.save();
        assertThat(model.statusProperty().get().text()).isEqualTo("Not saved: fix the fields marked in prod");
        assertThat(Files.readString(file)).contains("${KAFKA_PASS}").doesNotContain("typed-in-clear", "****");

        Map<String, String> withPassphrase = new java.util.HashMap<>(ENVIRONMENT);
        withPassphrase.put("KAF_MIRROR_PASSPHRASE", "console passphrase");
        ClustersViewModel console = new ClustersViewModel(file, folder.resolve("data"), withPassphrase, Runnable::run,
                new SameThread(), Duration.ofSeconds(5));
        console.load();
        ClusterForm form = (ClusterForm) console.entries().get(0);
        form.saslPasswordProperty().set("typed-in-clear");
        form.propertiesProperty().set("ssl.truststore.password=trust-in-clear");
        assertThat(form.noteProperty(ClusterForm.SASL_PASSWORD).get().kind()).isEqualTo(FieldNote.Kind.INFO);

        console.save();
        assertThat(console.statusProperty().get().text()).startsWith("Saved");

        assertThat(Files.readString(file)).containsPattern("sasl_password: \"?enc:v1:")
                .containsPattern("ssl.truststore.password: \"?enc:v1:")
                .doesNotContain("typed-in-clear", "trust-in-clear", "****");
        ClusterConfig saved = new ConfigLoader(withPassphrase).load(file).cluster("prod");
        assertThat(saved.security().saslPassword().reveal()).isEqualTo("typed-in-clear");
        assertThat(saved.properties().revealed()).containsEntry("ssl.truststore.password", "trust-in-clear");
        assertThat(form.saslPasswordProperty().get()).startsWith("enc:v1:");
        String firstSave = Files.readString(file);
        console.save();
        assertThat(Files.readString(file)).as("a second save keeps the encrypted values").isEqualTo(firstSave);
    }

    @Test
    void a_save_runs_in_the_background_and_save_waits_for_it_to_end() throws Exception {
        Queued background = new Queued();
        Map<String, String> withPassphrase = new java.util.HashMap<>(ENVIRONMENT);
        withPassphrase.put("KAF_MIRROR_PASSPHRASE", "console passphrase");
        ClustersViewModel console = new ClustersViewModel(file, folder.resolve("data"), withPassphrase, Runnable::run, background,
                Duration.ofSeconds(5));
        console.load();
        String before = Files.readString(file);
        ((ClusterForm) console.entries().get(0)).saslPasswordProperty().set("typed-in-clear");

        console.save();
        assertThat(console.savingProperty().get()).isTrue();
        assertThat(console.statusProperty().get().text()).startsWith("Saving to");
        console.save();
        assertThat(background.queued()).as("a second Save while one runs starts nothing").isEqualTo(1);
        background.next();
        assertThat(Files.readString(file)).as("encrypted ahead, not yet written").isEqualTo(before);
        ((ClusterForm) console.entries().get(0)).brokersProperty().set("k1:9093");
        background.next();

        assertThat(console.savingProperty().get()).isFalse();
        assertThat(console.statusProperty().get().text()).startsWith("Saved 1 cluster and 1 store");
        assertThat(Files.readString(file)).containsPattern("sasl_password: \"?enc:v1:").doesNotContain("typed-in-clear");
        assertThat(console.unsavedProperty().get()).as("the edit made while the file was written").isTrue();
    }

    /** A {@link Background} that runs its work only when told, on the calling thread. */
    private static final class Queued implements Background {
        private final Queue<Runnable> work = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> task, Consumer<? super T> done, Consumer<Throwable> failed) {
            work.add(() -> new SameThread().run(task, done, failed));
        }

        int queued() {
            return work.size();
        }

        void next() {
            work.remove().run();
        }
    }
}
