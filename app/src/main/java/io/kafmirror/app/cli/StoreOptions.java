package io.kafmirror.app.cli;

import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.S3Encryption;
import io.kafmirror.kfs.store.S3SegmentStore;
import io.kafmirror.kfs.store.S3StoreConfig;
import io.kafmirror.kfs.store.SegmentStore;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Which segment store and catalog a command works on. Secrets come from the environment, never
 * from arguments, because arguments are visible to every user in the process list.
 */
public final class StoreOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "LOCATION",
            description = "A local folder (path or file: URI) or s3://bucket[/prefix]. Default: ${DEFAULT-VALUE}.",
            defaultValue = "${env:KAF_MIRROR_STORE:-${sys:user.home}/.kaf-mirror/store}")
    String store;

    @Option(names = "--catalog", paramLabel = "PATH",
            description = "The H2 catalog database file (without .mv.db). Default: ${DEFAULT-VALUE}.",
            defaultValue = "${env:KAF_MIRROR_CATALOG:-${sys:user.home}/.kaf-mirror/catalog}")
    Path catalog;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3-compatible endpoint (Ceph, MinIO, on-prem); omit for AWS.")
    URI endpoint;

    @Option(names = "--s3-region", paramLabel = "REGION", defaultValue = S3StoreConfig.DEFAULT_REGION,
            description = "S3 region. Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--s3-path-style", description = "Address the bucket in the path (needed by most on-prem stores). "
            + "On by default with --s3-endpoint.", negatable = true)
    Boolean pathStyle;

    @Option(names = "--s3-sse", paramLabel = "MODE", defaultValue = "none",
            description = "Server-side encryption of new objects: none, sse-s3 or sse-kms. Default: ${DEFAULT-VALUE}.")
    String sse;

    @Option(names = "--s3-kms-key", paramLabel = "KEY_ID", description = "KMS key id for --s3-sse sse-kms.")
    String kmsKey;

    /** Opens the store; S3 keys come from KAF_MIRROR_S3_ACCESS_KEY/SECRET_KEY or the AWS default chain. */
    public SegmentStore open() {
        if (!store.startsWith("s3://")) {
            return new LocalSegmentStore(localPath());
        }
        URI uri;
        try {
            uri = new URI(store);
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--store " + store + " is not a valid location (" + e.getReason()
                    + "): use s3://bucket or s3://bucket/prefix");
        }
        String bucket = uri.getHost();
        if (bucket == null || bucket.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--store " + store + " names no bucket: use s3://bucket or s3://bucket/prefix");
        }
        String prefix = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        S3StoreConfig config = (endpoint == null ? S3StoreConfig.forAws(bucket, region) : S3StoreConfig.forEndpoint(endpoint, bucket, null, null))
                .withRegion(region)
                .withKeyPrefix(prefix)
                .withPathStyle(pathStyle == null ? endpoint != null : pathStyle)
                .withEncryption(encryption());
        String accessKey = System.getenv("KAF_MIRROR_S3_ACCESS_KEY");
        String secretKey = System.getenv("KAF_MIRROR_S3_SECRET_KEY");
        if ((accessKey == null) != (secretKey == null)) {
            throw new ParameterException(spec.commandLine(), "Set both KAF_MIRROR_S3_ACCESS_KEY and KAF_MIRROR_S3_SECRET_KEY, or neither "
                    + "(then the AWS default credential chain is used)");
        }
        return new S3SegmentStore(config.withCredentials(accessKey, secretKey));
    }

    /** Opens (creating if needed) the catalog database. */
    public SegmentCatalog openCatalog() {
        Path parent = catalog.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the folder " + parent + " for the catalog: " + e.getMessage()
                    + ". Choose another place with --catalog.", e);
        }
        return SegmentCatalog.open(catalog);
    }

    private Path localPath() {
        return store.startsWith("file:") ? Path.of(URI.create(store)) : Path.of(store);
    }

    private S3Encryption encryption() {
        return switch (sse.toLowerCase()) {
            case "none" -> S3Encryption.NONE;
            case "sse-s3" -> S3Encryption.SSE_S3;
            case "sse-kms" -> {
                if (kmsKey == null) {
                    throw new ParameterException(spec.commandLine(), "--s3-sse sse-kms needs --s3-kms-key");
                }
                yield S3Encryption.sseKms(kmsKey);
            }
            default -> throw new ParameterException(spec.commandLine(), "Unknown --s3-sse '" + sse + "': use none, sse-s3 or sse-kms");
        };
    }
}
