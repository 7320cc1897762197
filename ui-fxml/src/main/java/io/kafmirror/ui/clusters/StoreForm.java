package io.kafmirror.ui.clusters;

import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.DurationText;
import io.kafmirror.engine.config.LocalStoreConfig;
import io.kafmirror.engine.config.S3BucketConfig;
import io.kafmirror.engine.config.Secret;
import io.kafmirror.engine.config.SizeText;
import io.kafmirror.engine.config.StoreConfig;
import io.kafmirror.kfs.store.S3Encryption;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The form of a segment store: the keys of {@code stores.<name>}, a local folder or an S3 bucket. */
public final class StoreForm extends EntryForm {

    /** The kinds of store, as the YAML {@code type} names them. */
    public enum Type {
        /** A local folder. */
        LOCAL,
        /** An S3 bucket, on AWS or an S3-compatible server. */
        S3
    }

    /** How the bucket is addressed ({@code path_style}). */
    public enum Addressing {
        /** The default: in the path with an endpoint, in the host name on AWS. */
        AUTOMATIC,
        /** {@code path_style: true}. */
        PATH,
        /** {@code path_style: false}. */
        VIRTUAL_HOST
    }

    /** Note keys, the YAML keys below the store. */
    public static final String PATH = "path";
    public static final String BUCKET = "bucket";
    public static final String REGION = "region";
    public static final String ENDPOINT = "endpoint";
    public static final String ACCESS_KEY = "access_key";
    public static final String SECRET_KEY = "secret_key";
    public static final String KMS_KEY_ID = "kms_key_id";
    public static final String MULTIPART_THRESHOLD = "multipart_threshold";
    public static final String PART_SIZE = "part_size";
    public static final String UPLOAD_PARALLELISM = "upload_parallelism";
    public static final String CONNECT_TIMEOUT = "connect_timeout";
    public static final String SOCKET_TIMEOUT = "socket_timeout";
    public static final String MAX_ATTEMPTS = "max_attempts";

    private static final long MIN_PART_SIZE = 5L << 20;

    private final ObjectProperty<Type> type = new SimpleObjectProperty<>(this, "type", Type.LOCAL);
    private final StringProperty path = new SimpleStringProperty(this, PATH, "");
    private final StringProperty bucket = new SimpleStringProperty(this, BUCKET, "");
    private final StringProperty region = new SimpleStringProperty(this, REGION, "");
    private final StringProperty endpoint = new SimpleStringProperty(this, ENDPOINT, "");
    private final ObjectProperty<Addressing> addressing = new SimpleObjectProperty<>(this, "path_style", Addressing.AUTOMATIC);
    private final StringProperty accessKey = new SimpleStringProperty(this, ACCESS_KEY, "");
    private final StringProperty secretKey = new SimpleStringProperty(this, SECRET_KEY, "");
    private final StringProperty keyPrefix = new SimpleStringProperty(this, "key_prefix", "");
    private final ObjectProperty<S3Encryption.Mode> encryption = new SimpleObjectProperty<>(this, "encryption", S3Encryption.Mode.NONE);
    private final StringProperty kmsKeyId = new SimpleStringProperty(this, KMS_KEY_ID, "");
    private final StringProperty multipartThreshold = new SimpleStringProperty(this, MULTIPART_THRESHOLD, "");
    private final StringProperty partSize = new SimpleStringProperty(this, PART_SIZE, "");
    private final StringProperty uploadParallelism = new SimpleStringProperty(this, UPLOAD_PARALLELISM, "");
    private final StringProperty connectTimeout = new SimpleStringProperty(this, CONNECT_TIMEOUT, "");
    private final StringProperty socketTimeout = new SimpleStringProperty(this, SOCKET_TIMEOUT, "");
    private final StringProperty maxAttempts = new SimpleStringProperty(this, MAX_ATTEMPTS, "");

    /** An empty store form, of a local folder. */
    public StoreForm(FormContext context) {
        super(context, List.of(PATH, BUCKET, REGION, ENDPOINT, ACCESS_KEY, SECRET_KEY, KMS_KEY_ID, MULTIPART_THRESHOLD,
                PART_SIZE, UPLOAD_PARALLELISM, CONNECT_TIMEOUT, SOCKET_TIMEOUT, MAX_ATTEMPTS));
        checkOnChange(type, path, bucket, region, endpoint, addressing, accessKey, secretKey, keyPrefix, encryption,
                kmsKeyId, multipartThreshold, partSize, uploadParallelism, connectTimeout, socketTimeout, maxAttempts);
        check();
    }

    /** A form showing the store {@code name} as loaded: secrets as their {@code ${VARIABLE}} reference, or as read. */
    public static StoreForm of(FormContext context, String name, StoreConfig store) {
        StoreForm form = new StoreForm(context);
        if (store instanceof LocalStoreConfig local) {
            form.path.set(local.path().toString());
        } else if (store instanceof S3BucketConfig s3) {
            form.type.set(Type.S3);
            form.bucket.set(s3.bucket());
            form.region.set(s3.region());
            form.endpoint.set(s3.endpoint() == null ? "" : s3.endpoint().toString());
            form.addressing.set(s3.pathStyle() == (s3.endpoint() != null) ? Addressing.AUTOMATIC
                    : s3.pathStyle() ? Addressing.PATH : Addressing.VIRTUAL_HOST);
            form.accessKey.set(text(s3.accessKey()));
            form.secretKey.set(text(s3.secretKey()));
            form.keyPrefix.set(s3.keyPrefix());
            form.encryption.set(s3.encryption());
            form.kmsKeyId.set(s3.kmsKeyId() == null ? "" : s3.kmsKeyId());
            form.multipartThreshold.set(SizeText.format(s3.multipartThreshold()));
            form.partSize.set(SizeText.format(s3.partSize()));
            form.uploadParallelism.set(String.valueOf(s3.uploadParallelism()));
            form.connectTimeout.set(DurationText.format(s3.connectTimeout()));
            form.socketTimeout.set(DurationText.format(s3.socketTimeout()));
            form.maxAttempts.set(String.valueOf(s3.maxAttempts()));
        }
        form.nameProperty().set(name);
        return form;
    }

    @Override
    public String section() {
        return "stores";
    }

    @Override
    public StoreForm copy(String newName) {
        StoreForm copy = new StoreForm(context);
        List<StringProperty> from = texts();
        List<StringProperty> to = copy.texts();
        for (int i = 0; i < from.size(); i++) {
            to.get(i).set(from.get(i).get());
        }
        copy.type.set(type.get());
        copy.addressing.set(addressing.get());
        copy.encryption.set(encryption.get());
        copy.nameProperty().set(newName);
        return copy;
    }

    @Override
    protected List<StringProperty> secretFields() {
        return List.of(accessKey, secretKey);
    }

    private List<StringProperty> texts() {
        return List.of(path, bucket, region, endpoint, accessKey, secretKey, keyPrefix, kmsKeyId, multipartThreshold,
                partSize, uploadParallelism, connectTimeout, socketTimeout, maxAttempts);
    }

    @Override
    public Map<String, Object> yaml() {
        Map<String, Object> store = new LinkedHashMap<>();
        if (type.get() == Type.LOCAL) {
            store.put("type", LocalStoreConfig.TYPE);
            if (given(path.get())) {
                store.put("path", context.written(path.get()));
            }
            return store;
        }
        store.put("type", S3BucketConfig.TYPE);
        put(store, "bucket", bucket);
        put(store, "region", region);
        put(store, "endpoint", endpoint);
        if (addressing.get() != Addressing.AUTOMATIC) {
            store.put("path_style", addressing.get() == Addressing.PATH);
        }
        put(store, "access_key", accessKey);
        put(store, "secret_key", secretKey);
        put(store, "key_prefix", keyPrefix);
        if (encryption.get() != S3Encryption.Mode.NONE) {
            store.put("encryption", encryption.get().name().toLowerCase(Locale.ROOT));
        }
        // The KMS key field is disabled without sse_kms, and kms_key_id is refused there.
        if (encryption.get() == S3Encryption.Mode.SSE_KMS) {
            put(store, "kms_key_id", kmsKeyId);
        }
        put(store, "multipart_threshold", multipartThreshold);
        put(store, "part_size", partSize);
        put(store, "upload_parallelism", uploadParallelism);
        put(store, "connect_timeout", connectTimeout);
        put(store, "socket_timeout", socketTimeout);
        put(store, "max_attempts", maxAttempts);
        return store;
    }

    @Override
    protected void checkFields(Map<String, FieldNote> found) {
        if (type.get() == Type.LOCAL) {
            found.put(PATH, folderNote());
            return;
        }
        found.put(BUCKET, expandedNote(bucket.get(), "required: the bucket that holds the segments", BucketName::check));
        found.put(ENDPOINT, given(endpoint.get()) ? expandedNote(endpoint.get(), "", StoreForm::endpointNote) : FieldNote.NONE);
        found.put(REGION, given(region.get()) ? plainNote(region.get()) : given(endpoint.get()) ? FieldNote.NONE
                : FieldNote.error("required for AWS S3 (e.g. eu-central-1); for an S3-compatible server set the endpoint"));
        boolean access = given(accessKey.get());
        boolean secret = given(secretKey.get());
        found.put(ACCESS_KEY, access ? secretNote(accessKey.get()) : secret
                ? FieldNote.error("give both keys or neither (neither: the AWS default credential chain)") : FieldNote.NONE);
        found.put(SECRET_KEY, secret ? secretNote(secretKey.get()) : access
                ? FieldNote.error("give both keys or neither (neither: the AWS default credential chain)") : FieldNote.NONE);
        found.put(MULTIPART_THRESHOLD, optional(multipartThreshold.get(), text -> size(text, 1)));
        found.put(PART_SIZE, optional(partSize.get(), text -> size(text, MIN_PART_SIZE)));
        found.put(UPLOAD_PARALLELISM, optional(uploadParallelism.get(), StoreForm::positiveNumber));
        found.put(CONNECT_TIMEOUT, optional(connectTimeout.get(), StoreForm::duration));
        found.put(SOCKET_TIMEOUT, optional(socketTimeout.get(), StoreForm::duration));
        found.put(MAX_ATTEMPTS, optional(maxAttempts.get(), StoreForm::positiveNumber));
    }

    private FieldNote folderNote() {
        if (!given(path.get())) {
            return FieldNote.error("required: the folder that holds the segments");
        }
        FieldNote fromEnvironment = plainNote(path.get());
        Path folder = context.resolve(path.get());
        if (fromEnvironment.isError() || folder == null) {
            return fromEnvironment;
        }
        if (Files.isRegularFile(folder)) {
            return FieldNote.error(folder + " is a file: give a folder");
        }
        if (!Files.exists(folder)) {
            return FieldNote.info(folder + " does not exist yet: it is created when the first segment is stored");
        }
        return fromEnvironment;
    }

    // A value that may be a reference: the reference's own problem first, then the rule on the expanded value.
    private FieldNote expandedNote(String text, String requiredMessage, Function<String, FieldNote> rule) {
        if (!given(text)) {
            return FieldNote.error(requiredMessage);
        }
        FieldNote fromEnvironment = plainNote(text);
        if (fromEnvironment.isError()) {
            return fromEnvironment;
        }
        FieldNote problem = rule.apply(context.environment().expand(text).strip());
        return problem.isError() ? problem : fromEnvironment;
    }

    private FieldNote optional(String text, Function<String, FieldNote> rule) {
        return given(text) ? expandedNote(text, "", rule) : FieldNote.NONE;
    }

    private static FieldNote endpointNote(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return FieldNote.error("'" + text + "' is not a URL: " + e.getReason() + "; write http(s)://host[:port]");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            return FieldNote.error("'" + text + "' does not start with http:// or https://: write http(s)://host[:port]");
        }
        if (uri.getHost() == null) {
            return FieldNote.error("'" + text + "' names no host: write http(s)://host[:port]");
        }
        if (uri.getPort() > 65535) {
            return FieldNote.error("port " + uri.getPort() + " is out of range: use 1 to 65535");
        }
        return FieldNote.NONE;
    }

    private static FieldNote size(String text, long minimum) {
        try {
            long bytes = SizeText.parse(text);
            return bytes < minimum ? FieldNote.error("at least " + SizeText.format(minimum)) : FieldNote.NONE;
        } catch (IllegalArgumentException | ConfigException e) {
            return FieldNote.error(e.getMessage());
        }
    }

    private static FieldNote duration(String text) {
        try {
            DurationText.parse(text);
            return FieldNote.NONE;
        } catch (IllegalArgumentException | ConfigException e) {
            return FieldNote.error(e.getMessage());
        }
    }

    private static FieldNote positiveNumber(String text) {
        if (!text.matches("\\d{1,9}") || Integer.parseInt(text) < 1) {
            return FieldNote.error("'" + text + "' is not a whole number of at least 1");
        }
        return FieldNote.NONE;
    }

    private static void put(Map<String, Object> yaml, String key, StringProperty text) {
        if (given(text.get())) {
            yaml.put(key, text.get().strip());
        }
    }

    private static String text(Secret secret) {
        return secret == null ? "" : secret.writtenAs().orElse(secret.reveal());
    }

    /** Local folder or S3 bucket. */
    public ObjectProperty<Type> typeProperty() {
        return type;
    }

    /** The folder of a local store. */
    public StringProperty pathProperty() {
        return path;
    }

    /** The bucket of an S3 store. */
    public StringProperty bucketProperty() {
        return bucket;
    }

    /** The signing region. */
    public StringProperty regionProperty() {
        return region;
    }

    /** An S3-compatible server, {@code http(s)://host[:port]}; empty for AWS. */
    public StringProperty endpointProperty() {
        return endpoint;
    }

    /** How the bucket is addressed. */
    public ObjectProperty<Addressing> addressingProperty() {
        return addressing;
    }

    /** The static access key id, as {@code ${VARIABLE}}; empty for the default chain. */
    public StringProperty accessKeyProperty() {
        return accessKey;
    }

    /** The static secret key, as {@code ${VARIABLE}}. */
    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    /** The folder inside the bucket. */
    public StringProperty keyPrefixProperty() {
        return keyPrefix;
    }

    /** Server-side encryption of new objects. */
    public ObjectProperty<S3Encryption.Mode> encryptionProperty() {
        return encryption;
    }

    /** The KMS key for {@code sse_kms}. */
    public StringProperty kmsKeyIdProperty() {
        return kmsKeyId;
    }

    /** Objects above this size are uploaded in parts, e.g. {@code 16MiB}. */
    public StringProperty multipartThresholdProperty() {
        return multipartThreshold;
    }

    /** The size of one part, at least 5 MiB. */
    public StringProperty partSizeProperty() {
        return partSize;
    }

    /** Parts of one object uploaded at once. */
    public StringProperty uploadParallelismProperty() {
        return uploadParallelism;
    }

    /** How long to wait for a connection, e.g. {@code 10s}. */
    public StringProperty connectTimeoutProperty() {
        return connectTimeout;
    }

    /** How long to wait for data, e.g. {@code 1m}. */
    public StringProperty socketTimeoutProperty() {
        return socketTimeout;
    }

    /** Attempts per request, the first included. */
    public StringProperty maxAttemptsProperty() {
        return maxAttempts;
    }
}
