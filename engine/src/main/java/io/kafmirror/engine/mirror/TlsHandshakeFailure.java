package io.kafmirror.engine.mirror;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Says which TLS setting of a cluster to fix when the handshake with a broker failed. kafka-clients only
 * says "SSL handshake failed"; the reason is in the JDK exception beneath it.
 */
final class TlsHandshakeFailure {

    private static final String RECEIVED_ALERT = "Received fatal alert: ";
    // TLS alerts a server sends about the client's certificate, missing or refused (RFC 8446, 6.2).
    private static final Set<String> CLIENT_CERTIFICATE_ALERTS = Set.of("bad_certificate", "certificate_required",
            "certificate_unknown", "unsupported_certificate", "certificate_revoked", "certificate_expired");

    private TlsHandshakeFailure() {
    }

    /** The operator-facing explanation of {@code failure}, which happened while {@code doing}. */
    static String explain(SslAuthenticationException failure, String doing) {
        Throwable root = causes(failure).reduce((outer, inner) -> inner).orElseThrow();
        String reason = root.getMessage() != null ? root.getMessage() : root.toString();
        String start = "TLS failed while " + doing + ": ";
        if (causes(failure).anyMatch(CertPathBuilderException.class::isInstance)) {
            return start + "the broker's certificate is not signed by a certificate authority we trust (" + reason
                    + "). Set ca_cert of the cluster to the PEM file of the CA that signed the broker's certificate;"
                    + " without ca_cert only the JVM's default CAs are trusted.";
        }
        if (causes(failure).anyMatch(TlsHandshakeFailure::isHostMismatch)) {
            return start + "the broker's certificate does not name the host we connected to (" + reason + "). Use a"
                    + " broker address the certificate names, or set verify_hostname: false for a test cluster.";
        }
        // "Received fatal alert" means the broker ended the handshake, not us.
        String alert = reason.startsWith(RECEIVED_ALERT) ? reason.substring(RECEIVED_ALERT.length()) : "";
        if (CLIENT_CERTIFICATE_ALERTS.contains(alert)) {
            return start + "the broker refused our client certificate, or the lack of one (" + alert + "). Set"
                    + " key_store of the cluster to a client certificate signed by a CA the broker trusts, with its"
                    + " key_store_password.";
        }
        return start + reason + ". Check that the broker's listener speaks TLS and that the cluster's tls settings"
                + " and ssl.* properties fit it.";
    }

    // The JDK's host name check reports a mismatch only as a CertificateException with one of these texts.
    private static boolean isHostMismatch(Throwable t) {
        return t instanceof CertificateException && t.getMessage() != null
                && (t.getMessage().startsWith("No subject alternative") || t.getMessage().startsWith("No name matching"));
    }

    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
    }
}
