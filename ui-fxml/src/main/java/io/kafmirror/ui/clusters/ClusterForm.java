package io.kafmirror.ui.clusters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kafmirror.engine.config.ClientProperties;
import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.ConfigWriter;
import io.kafmirror.engine.config.SaslMechanism;
import io.kafmirror.engine.config.Secret;
import io.kafmirror.engine.config.TlsConfig;
import io.kafmirror.engine.config.TlsConfig.KeyStoreType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The form of a Kafka cluster: the keys of {@code clusters.<name>} in the configuration, one property each. */
public final class ClusterForm extends EntryForm {

    /** Note keys, the YAML key paths below the cluster. */
    public static final String BROKERS = "brokers";
    public static final String SASL_MECHANISM = "security.sasl_mechanism";
    public static final String SASL_USERNAME = "security.sasl_username";
    public static final String SASL_PASSWORD = "security.sasl_password";
    public static final String TLS = "security.tls";
    public static final String CA_CERT = "security.tls.ca_cert";
    public static final String KEY_STORE = "security.tls.key_store";
    public static final String KEY_STORE_TYPE = "security.tls.key_store_type";
    public static final String KEY_STORE_PASSWORD = "security.tls.key_store_password";
    public static final String KEY_PASSWORD = "security.tls.key_password";
    public static final String PROPERTIES = "properties";

    private final StringProperty brokers = new SimpleStringProperty(this, BROKERS, "");
    private final ObjectProperty<SaslMechanism> saslMechanism = new SimpleObjectProperty<>(this, SASL_MECHANISM, SaslMechanism.NONE);
    private final StringProperty saslUsername = new SimpleStringProperty(this, SASL_USERNAME, "");
    private final StringProperty saslPassword = new SimpleStringProperty(this, SASL_PASSWORD, "");
    private final BooleanProperty tlsEnabled = new SimpleBooleanProperty(this, TLS, false);
    private final StringProperty caCert = new SimpleStringProperty(this, CA_CERT, "");
    private final BooleanProperty verifyHostname = new SimpleBooleanProperty(this, "verify_hostname", true);
    private final StringProperty keyStore = new SimpleStringProperty(this, KEY_STORE, "");
    private final ObjectProperty<KeyStoreType> keyStoreType = new SimpleObjectProperty<>(this, KEY_STORE_TYPE);
    private final StringProperty keyStorePassword = new SimpleStringProperty(this, KEY_STORE_PASSWORD, "");
    private final StringProperty keyPassword = new SimpleStringProperty(this, KEY_PASSWORD, "");
    private final StringProperty properties = new SimpleStringProperty(this, PROPERTIES, "");

    /** An empty cluster form. */
    public ClusterForm(FormContext context) {
        super(context, List.of(BROKERS, SASL_MECHANISM, SASL_USERNAME, SASL_PASSWORD, TLS, CA_CERT, KEY_STORE,
                KEY_STORE_TYPE, KEY_STORE_PASSWORD, KEY_PASSWORD, PROPERTIES));
        checkOnChange(brokers, saslMechanism, saslUsername, saslPassword, tlsEnabled, caCert, verifyHostname, keyStore,
                keyStoreType, keyStorePassword, keyPassword, properties);
        check();
    }

    /** A form showing the cluster {@code name} as loaded: secrets as their {@code ${VARIABLE}} reference, or as read. */
    public static ClusterForm of(FormContext context, String name, ClusterConfig cluster) {
        ClusterForm form = new ClusterForm(context);
        form.brokers.set(cluster.brokers());
        form.saslMechanism.set(cluster.security().saslMechanism());
        form.saslUsername.set(text(cluster.security().saslUsername()));
        form.saslPassword.set(text(cluster.security().saslPassword()));
        TlsConfig tls = cluster.security().tls();
        form.tlsEnabled.set(tls.enabled());
        form.caCert.set(text(tls.caCert()));
        form.verifyHostname.set(tls.verifyHostname());
        form.keyStore.set(text(tls.keyStore()));
        form.keyStoreType.set(tls.keyStore() == null ? null : tls.keyStoreType());
        form.keyStorePassword.set(text(tls.keyStorePassword()));
        form.keyPassword.set(text(tls.keyPassword()));
        form.properties.set(PropertyLines.format(cluster.properties().revealed(),
                writtenProperties(cluster.properties())));
        form.nameProperty().set(name);
        return form;
    }

    @Override
    public String section() {
        return "clusters";
    }

    @Override
    public ClusterForm copy(String newName) {
        ClusterForm copy = new ClusterForm(context);
        copy.brokers.set(brokers.get());
        copy.saslMechanism.set(saslMechanism.get());
        copy.saslUsername.set(saslUsername.get());
        copy.saslPassword.set(saslPassword.get());
        copy.tlsEnabled.set(tlsEnabled.get());
        copy.caCert.set(caCert.get());
        copy.verifyHostname.set(verifyHostname.get());
        copy.keyStore.set(keyStore.get());
        copy.keyStoreType.set(keyStoreType.get());
        copy.keyStorePassword.set(keyStorePassword.get());
        copy.keyPassword.set(keyPassword.get());
        copy.properties.set(properties.get());
        copy.nameProperty().set(newName);
        return copy;
    }

    @Override
    public Map<String, Object> yaml() {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("brokers", brokers.get().strip());
        Map<String, Object> security = new LinkedHashMap<>();
        // Without a mechanism the user and password fields are disabled and not part of the configuration.
        if (saslMechanism.get() != SaslMechanism.NONE) {
            security.put("sasl_mechanism", saslMechanism.get().kafkaName());
            putGiven(security, "sasl_username", saslUsername.get());
            putGiven(security, "sasl_password", saslPassword.get());
        }
        Map<String, Object> tls = tlsYaml();
        if (!tls.isEmpty()) {
            security.put("tls", tls);
        }
        if (!security.isEmpty()) {
            cluster.put("security", security);
        }
        PropertyLines lines = PropertyLines.parse(properties.get());
        if (!lines.values().isEmpty()) {
            cluster.put("properties", lines.values());
        }
        return cluster;
    }

    @Override
    protected List<StringProperty> secretFields() {
        return List.of(saslPassword, keyStorePassword, keyPassword);
    }

    @Override
    public List<String> secretsAsTyped() {
        List<String> secrets = new ArrayList<>(super.secretsAsTyped());
        secrets.addAll(PropertyLines.parse(properties.get()).secretValues());
        return secrets;
    }

    @Override
    public void encryptSecrets() {
        super.encryptSecrets();
        PropertyLines lines = PropertyLines.parse(properties.get());
        if (lines.problem().isEmpty()) {
            String encrypted = lines.encryptedSecrets(context.environment()).text();
            if (!encrypted.equals(lines.text())) {
                properties.set(encrypted);
            }
        }
    }

    // The YAML has no "TLS off" flag of its own: a tls block turns it on, enabled: false keeps settings for later.
    private Map<String, Object> tlsYaml() {
        Map<String, Object> tls = new LinkedHashMap<>();
        if (given(caCert.get())) {
            tls.put("ca_cert", context.written(caCert.get()));
        }
        if (!verifyHostname.get()) {
            tls.put("verify_hostname", false);
        }
        if (given(keyStore.get())) {
            tls.put("key_store", context.written(keyStore.get()));
            if (keyStoreType.get() != null) {
                tls.put("key_store_type", keyStoreType.get().name());
            }
            putGiven(tls, "key_store_password", keyStorePassword.get());
            putGiven(tls, "key_password", keyPassword.get());
        }
        if (!tlsEnabled.get() && !tls.isEmpty()) {
            tls.put("enabled", false);
        } else if (tlsEnabled.get() && tls.isEmpty()) {
            tls.put("enabled", true);
        }
        return tls;
    }

    @Override
    protected void checkFields(Map<String, FieldNote> found) {
        found.put(BROKERS, BrokerList.check(brokers.get(), context.environment()));
        if (saslMechanism.get() != SaslMechanism.NONE) {
            String mechanism = saslMechanism.get().kafkaName();
            found.put(SASL_USERNAME, given(saslUsername.get()) ? plainNote(saslUsername.get())
                    : FieldNote.error("required with " + mechanism + ": the user kaf-mirror logs in as"));
            found.put(SASL_PASSWORD, given(saslPassword.get()) ? secretNote(saslPassword.get())
                    : FieldNote.error("required with " + mechanism + ": write it as ${VARIABLE}"));
        }
        if (given(caCert.get())) {
            found.put(CA_CERT, context.readableFile(caCert.get()));
        }
        if (given(keyStore.get())) {
            found.put(KEY_STORE, context.readableFile(keyStore.get()));
            found.put(KEY_STORE_PASSWORD, keyStorePasswordNote());
            found.put(KEY_PASSWORD, secretNote(keyPassword.get()));
        } else if (given(keyStorePassword.get()) || given(keyPassword.get())) {
            found.put(KEY_STORE, FieldNote.error("the key store passwords are set but no key store is: give the client"
                    + " certificate file, or clear the passwords"));
        }
        found.put(PROPERTIES, PropertyLines.parse(properties.get()).note(context.environment()));
    }

    private FieldNote keyStorePasswordNote() {
        if (!given(keyStorePassword.get())) {
            return FieldNote.NONE;
        }
        KeyStoreType type = keyStoreType.get();
        Path file = context.resolve(keyStore.get());
        String fileName = file == null ? "" : String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        boolean pem = type == KeyStoreType.PEM || type == null
                && (fileName.endsWith(".pem") || fileName.endsWith(".crt") || fileName.endsWith(".key"));
        return pem ? FieldNote.error("a PEM key store has no store password: use the key password for an encrypted"
                + " private key") : secretNote(keyStorePassword.get());
    }

    private static void putGiven(Map<String, Object> yaml, String key, String text) {
        if (given(text)) {
            yaml.put(key, text.strip());
        }
    }

    private static String text(Object value) {
        if (value instanceof Secret secret) {
            return secret.writtenAs().orElse(secret.reveal());
        }
        return value == null ? "" : value.toString();
    }

    private static Map<String, String> writtenProperties(ClientProperties properties) {
        // ClientProperties keeps the reference a secret property was written as only in its written form.
        try {
            return new YAMLMapper().readValue(new ConfigWriter().toYaml(properties), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ConfigWriter wrote properties it cannot read back", e);
        }
    }

    /** The bootstrap servers, {@code host:port} separated by commas. */
    public StringProperty brokersProperty() {
        return brokers;
    }

    /** How to authenticate; {@link SaslMechanism#NONE} for no SASL. */
    public ObjectProperty<SaslMechanism> saslMechanismProperty() {
        return saslMechanism;
    }

    /** The SASL user. */
    public StringProperty saslUsernameProperty() {
        return saslUsername;
    }

    /** The SASL password, as {@code ${VARIABLE}}. */
    public StringProperty saslPasswordProperty() {
        return saslPassword;
    }

    /** Whether connections use TLS. */
    public BooleanProperty tlsEnabledProperty() {
        return tlsEnabled;
    }

    /** PEM file of the certificate authorities to trust; empty for the JVM's. */
    public StringProperty caCertProperty() {
        return caCert;
    }

    /** Whether the broker certificate must name the host. */
    public BooleanProperty verifyHostnameProperty() {
        return verifyHostname;
    }

    /** The client certificate and key for mutual TLS. */
    public StringProperty keyStoreProperty() {
        return keyStore;
    }

    /** The key store's format; {@code null} to take it from the file name. */
    public ObjectProperty<KeyStoreType> keyStoreTypeProperty() {
        return keyStoreType;
    }

    /** The key store's password. */
    public StringProperty keyStorePasswordProperty() {
        return keyStorePassword;
    }

    /** The private key's password, when it differs from the store's. */
    public StringProperty keyPasswordProperty() {
        return keyPassword;
    }

    /** Further kafka-clients settings, one {@code key=value} a line. */
    public StringProperty propertiesProperty() {
        return properties;
    }
}
