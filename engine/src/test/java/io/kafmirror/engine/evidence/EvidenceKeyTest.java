package io.kafmirror.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key: created once, owner-only, the same key ever after; a damaged key file is refused, not replaced. */
class EvidenceKeyTest {

    @TempDir
    Path dir;

    @Test
    void theKeyIsCreatedOnFirstUseForTheOwnerOnlyAndKeptAfterwards() throws Exception {
        Path data = dir.resolve("data");

        EvidenceKey first = EvidenceKey.loadOrCreate(data);
        EvidenceKey again = EvidenceKey.loadOrCreate(data);

        Path file = data.resolve(EvidenceKey.FILE);
        assertThat(first.file()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(again.publicPem()).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        byte[] content = "manifest".getBytes(StandardCharsets.UTF_8);
        byte[] signature = first.sign(content);
        assertThat(signature).hasSize(64);
        assertThat(again.verifies(content, signature)).isTrue();
        assertThat(again.verifies("other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(EvidenceKey.loadOrCreate(dir.resolve("elsewhere")).fingerprint()).isNotEqualTo(first.fingerprint());
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theKeyCreatedAtTheFirstStartIsReportedOnceAndIsTheKeyThatSignsLater() {
        Path data = dir.resolve("data");

        EvidenceKey created = EvidenceKey.createIfMissing(data).orElseThrow();

        assertThat(EvidenceKey.createIfMissing(data)).as("the second start finds the key there").isEmpty();
        assertThat(EvidenceKey.loadOrCreate(data).fingerprint()).isEqualTo(created.fingerprint());
        assertThat(created.file()).isEqualTo(data.resolve(EvidenceKey.FILE));
    }

    @Test
    void aDamagedKeyIsRefusedWithWhatToDoAndLeftAsItIs() throws Exception {
        Path data = dir.resolve("data");
        EvidenceKey.loadOrCreate(data);
        Path file = data.resolve(EvidenceKey.FILE);
        String text = Files.readString(file);
        String withoutPublic = text.substring(0, text.indexOf("-----BEGIN PUBLIC KEY-----"));
        Files.writeString(file, withoutPublic);

        assertThatThrownBy(() -> EvidenceKey.loadOrCreate(data)).hasMessageContaining("The evidence signing key " + file + " is damaged")
                .hasMessageContaining("PUBLIC KEY").hasMessageContaining("Restore it from a backup of the data folder");
        assertThat(Files.readString(file)).isEqualTo(withoutPublic);

        String otherPublic = Files.readString(EvidenceKey.loadOrCreate(dir.resolve("other")).file());
        Files.writeString(file, withoutPublic + otherPublic.substring(otherPublic.indexOf("-----BEGIN PUBLIC KEY-----")));
        assertThatThrownBy(() -> EvidenceKey.loadOrCreate(data)).hasMessageContaining("does not match its private key");
    }
}
