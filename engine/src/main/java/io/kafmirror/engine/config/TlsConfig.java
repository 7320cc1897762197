package io.kafmirror.engine.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * TLS towards a cluster: whom to trust, whether the broker's host name must match its certificate, and
 * the client's own certificate for mutual TLS. Writing a {@code tls:} block turns TLS on;
 * {@code enabled: false} turns it off and keeps the other settings for later.
 *
 * @param enabled          whether connections use TLS; default true
 * @param caCert           PEM file of the certificate authorities to trust; absent: the JVM's default trust store
 * @param verifyHostname   whether the broker's certificate must name the host connected to; default true
 * @param keyStore         the client certificate and private key for mutual TLS, or absent
 * @param keyStoreType     format of {@code keyStore}; default from its file name ({@code .pem}/{@code .crt}/{@code .key}:
 *                         PEM, {@code .jks}: JKS, otherwise PKCS12)
 * @param keyStorePassword password of a PKCS12 or JKS key store (PEM files have none)
 * @param keyPassword      password of the private key when it differs from the store's, or encrypts a PEM key
 */
public record TlsConfig(Boolean enabled, Path caCert, Boolean verifyHostname, Path keyStore, KeyStoreType keyStoreType,
                        Secret keyStorePassword, Secret keyPassword) {

    /** No TLS. */
    public static final TlsConfig DISABLED = new TlsConfig(false, null, null, null, null, null, null);

    /** Formats of a client key store. */
    public enum KeyStoreType {
        /** PKCS#12 ({@code .p12}, {@code .pfx}), the JDK's default. */
        @JsonProperty("PKCS12")
        PKCS12,
        /** Java's own key store format. */
        @JsonProperty("JKS")
        JKS,
        /** A PEM file holding the private key and the certificate chain. */
        @JsonProperty("PEM")
        PEM
    }

    /** Applies defaults and checks that the key store settings fit together. */
    public TlsConfig {
        enabled = enabled == null || enabled;
        verifyHostname = verifyHostname == null || verifyHostname;
        if (keyStore == null) {
            if (keyStoreType != null || keyStorePassword != null || keyPassword != null) {
                throw ConfigException.of("key_store_type, key_store_password and key_password belong to a key store:"
                        + " set key_store to the client certificate file, or remove them");
            }
        } else {
            keyStoreType = keyStoreType != null ? keyStoreType : typeFromName(keyStore);
            if (keyStoreType == KeyStoreType.PEM && keyStorePassword != null) {
                throw ConfigException.at("key_store_password", "a PEM key store has no store password:"
                        + " use key_password for an encrypted private key");
            }
        }
    }

    /** Adds the {@code ssl.*} settings of kafka-clients; nothing when TLS is off. */
    void applyTo(Properties client) {
        if (!enabled) {
            return;
        }
        if (caCert != null) {
            client.setProperty("ssl.truststore.type", "PEM");
            client.setProperty("ssl.truststore.location", caCert.toString());
        }
        // kafka-clients verifies host names unless the algorithm is empty; say "https" outright so the
        // setting reads the same whatever the library's default becomes.
        client.setProperty("ssl.endpoint.identification.algorithm", verifyHostname ? "https" : "");
        if (keyStore != null) {
            client.setProperty("ssl.keystore.type", keyStoreType.name());
            client.setProperty("ssl.keystore.location", keyStore.toString());
            if (keyStorePassword != null) {
                client.setProperty("ssl.keystore.password", keyStorePassword.reveal());
            }
            if (keyPassword != null) {
                client.setProperty("ssl.key.password", keyPassword.reveal());
            }
        }
    }

    private static KeyStoreType typeFromName(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".key")) {
            return KeyStoreType.PEM;
        }
        return name.endsWith(".jks") ? KeyStoreType.JKS : KeyStoreType.PKCS12;
    }
}
