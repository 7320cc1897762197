package io.kafmirror.engine.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kafmirror.kfs.format.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an evidence pack: a zip holding {@value #REPORT}, {@value #INFO}, each table as {@code data/<name>.csv} and
 * {@code .json}, {@value #VERIFY}, the signing key's public half {@value #PUBLIC_KEY}, and {@value #MANIFEST} (the
 * SHA-256 of every other file, in {@code sha256sum} format) with its Ed25519 signature {@value #SIGNATURE}. The zip is
 * written beside its destination and moved into place when complete, so a failed export leaves no partial pack.
 */
public final class EvidencePack {

    /** The report for readers. */
    public static final String REPORT = "report.pdf";
    /** What the pack is: period, generation, key fingerprint, files. */
    public static final String INFO = "pack.json";
    /** How to check the pack. */
    public static final String VERIFY = "VERIFY.md";
    /** The public key that checks the signature. */
    public static final String PUBLIC_KEY = "evidence-signing.pub.pem";
    /** The SHA-256 of every other file. */
    public static final String MANIFEST = "MANIFEST.sha256";
    /** The Ed25519 signature of the manifest. */
    public static final String SIGNATURE = "MANIFEST.sha256.sig";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final EvidenceData data;
    private final EvidenceKey key;

    /** The pack of {@code data}, signed with {@code key}. */
    public EvidencePack(EvidenceData data, EvidenceKey key) {
        this.data = data;
        this.key = key;
    }

    /** The pack's files by path, in the order written, the manifest and its signature last. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(REPORT, new PdfReport(data, key.fingerprint()).render());
        for (EvidenceTable table : data.tables().values()) {
            files.put(table.csvPath(), table.csv());
            files.put(table.jsonPath(), table.json());
        }
        files.put(PUBLIC_KEY, key.publicPem().getBytes(StandardCharsets.US_ASCII));
        files.put(VERIFY, verifyGuide());
        files.put(INFO, info(List.copyOf(files.keySet())));
        byte[] manifest = manifest(files);
        files.put(MANIFEST, manifest);
        files.put(SIGNATURE, key.sign(manifest));
        return files;
    }

    /**
     * Writes the pack to {@code out}; refuses to replace an existing file unless {@code overwrite}. Returns the files
     * written, by path.
     */
    public Map<String, byte[]> writeTo(Path out, boolean overwrite) {
        Path target = out.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("The evidence pack's destination " + target + " is a folder: give a file name,"
                    + " e.g. " + target.resolve("evidence.zip"));
        }
        if (Files.exists(target) && !overwrite) {
            throw new IllegalArgumentException("The evidence pack " + target + " already exists: choose another name, or add"
                    + " --overwrite to replace it");
        }
        Map<String, byte[]> files = files();
        Path folder = target.getParent();
        Path partial;
        try {
            partial = Files.createTempFile(folder, "." + target.getFileName(), ".partial");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Cannot write the evidence pack " + target + ": the folder " + folder
                    + " does not exist. Create it or choose another --out.", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("Cannot write the evidence pack " + target + ": this user may not write into "
                    + folder + ". Choose another --out.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the evidence pack " + target + ": " + e.getMessage()
                    + ". Choose another --out.", e);
        }
        try {
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
                FileTime time = FileTime.from(data.generatedAt());
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    ZipEntry entry = new ZipEntry(f.getKey());
                    entry.setLastModifiedTime(time);
                    zip.putNextEntry(entry);
                    zip.write(f.getValue());
                    zip.closeEntry();
                }
            }
            if (overwrite) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return files;
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("The evidence pack " + target + " was created by someone else meanwhile: choose"
                    + " another name, or add --overwrite to replace it", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the evidence pack " + target + ": " + e.getMessage()
                    + ". Check the free space and permissions of " + folder + ", or choose another --out.", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The pack itself is in place or the export has failed with its own message; a stray partial file is harmless.
            }
        }
    }

    /** {@code sha256sum} lines for every file: the hash in lower-case hex, two spaces, the path. */
    static byte[] manifest(Map<String, byte[]> files) {
        StringBuilder manifest = new StringBuilder();
        files.forEach((path, content) -> manifest.append(Sha256.hex(content)).append("  ").append(path).append('\n'));
        return manifest.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] info(List<String> files) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("format", "kaf-mirror evidence pack 1");
        info.put("from", data.period().from().toString());
        info.put("to", data.period().to().toString());
        info.put("generated_at", data.generatedAt().toString());
        info.put("kaf_mirror_version", data.version());
        info.put("signing_key_sha256", key.fingerprint());
        info.put("segment_check_limit", SegmentInventory.CHECK_LIMIT);
        info.put("row_limit", data.rowLimit());
        info.put("cut_at_row_limit", data.cut());
        info.put("restore_drills_available", data.drills().available());
        info.put("audit_trail_available", data.audit().available());
        info.put("files", files);
        try {
            return JSON.writeValueAsBytes(info);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + INFO + ": " + e.getMessage(), e);
        }
    }

    private byte[] verifyGuide() {
        try (InputStream in = EvidencePack.class.getResourceAsStream(VERIFY)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("{{VERSION}}", data.version()).replace("{{GENERATED}}", data.generatedAt().toString())
                    .replace("{{FROM}}", data.period().from().toString()).replace("{{TO}}", data.period().to().toString())
                    .replace("{{FINGERPRINT}}", key.fingerprint()).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the VERIFY.md template from the kaf-mirror jar: " + e.getMessage(), e);
        }
    }
}
