package io.kafmirror.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every as-you-type rule of the store form, without a stage. */
class StoreFormTest {

    @TempDir
    Path folder;

    private StoreForm form() {
        StoreForm form = new StoreForm(new FormContext(folder, new EnvironmentValues(Map.of("S3_KEY", "AKIA", "S3_SECRET", "x")),
                (f, n) -> false, () -> { }));
        form.nameProperty().set("vault");
        return form;
    }

    private static String note(StoreForm form, String key) {
        return form.noteProperty(key).get().text();
    }

    @Test
    void a_local_store_needs_a_folder_that_is_not_a_file() throws Exception {
        StoreForm form = form();
        assertThat(note(form, StoreForm.PATH)).startsWith("required");
        form.pathProperty().set("segments");
        assertThat(form.noteProperty(StoreForm.PATH).get().kind()).isEqualTo(FieldNote.Kind.INFO);
        assertThat(note(form, StoreForm.PATH)).contains("does not exist yet");
        Files.writeString(folder.resolve("file"), "x");
        form.pathProperty().set("file");
        assertThat(note(form, StoreForm.PATH)).endsWith("is a file: give a folder");
        form.pathProperty().set(".");
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void bucket_names_follow_the_s3_rules() {
        StoreForm form = form();
        form.typeProperty().set(StoreForm.Type.S3);
        form.regionProperty().set("eu-central-1");
        assertThat(note(form, StoreForm.BUCKET)).startsWith("required");
        Map<String, String> problems = Map.of(
                "ab", "3 to 63 characters",
                "Kafka-Backup", "lower-case letters",
                "-backup", "starts and ends with a letter or a digit",
                "kafka..backup", "no two dots in a row",
                "192.168.1.1", "IP address",
                "xn--backup", "reserved");
        problems.forEach((name, problem) -> {
            form.bucketProperty().set(name);
            assertThat(note(form, StoreForm.BUCKET)).as(name).contains(problem);
        });
        form.bucketProperty().set("kafka-backup.eu");
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void endpoint_region_and_keys() {
        StoreForm form = form();
        form.typeProperty().set(StoreForm.Type.S3);
        form.bucketProperty().set("kafka-backup");
        assertThat(note(form, StoreForm.REGION)).startsWith("required for AWS S3");
        form.endpointProperty().set("localhost:9000");
        assertThat(note(form, StoreForm.ENDPOINT)).contains("does not start with http:// or https://");
        form.endpointProperty().set("http://exa mple");
        assertThat(note(form, StoreForm.ENDPOINT)).contains("is not a URL");
        form.endpointProperty().set("http://127.0.0.1:9000");
        assertThat(form.noteProperty(StoreForm.REGION).get()).isEqualTo(FieldNote.NONE);
        form.accessKeyProperty().set("${S3_KEY}");
        assertThat(note(form, StoreForm.SECRET_KEY)).startsWith("give both keys or neither");
        form.secretKeyProperty().set("plain");
        assertThat(note(form, StoreForm.SECRET_KEY)).startsWith("a secret typed here cannot be saved in clear");
        form.secretKeyProperty().set("${S3_SECRET}");
        form.partSizeProperty().set("1MiB");
        assertThat(note(form, StoreForm.PART_SIZE)).isEqualTo("at least 5MiB");
        form.partSizeProperty().set("8MiB");
        form.connectTimeoutProperty().set("10 parsecs");
        assertThat(form.noteProperty(StoreForm.CONNECT_TIMEOUT).get().isError()).isTrue();
        form.connectTimeoutProperty().set("10s");
        form.maxAttemptsProperty().set("0");
        assertThat(note(form, StoreForm.MAX_ATTEMPTS)).contains("at least 1");
        form.maxAttemptsProperty().set("3");
        assertThat(form.validProperty().get()).isTrue();
    }
}
