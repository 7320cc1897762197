package io.kafmirror.engine.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small PKI for TLS tests, made with the JDK's own {@code keytool} when the test starts, so no private
 * key is ever committed: a CA (as a PEM file, the way a {@code ca_cert} is given), broker and client key
 * stores signed by it, and a second CA that signed nothing here. Every key store is PKCS12 with the
 * password {@link #PASSWORD}.
 *
 * @param caCert              PEM certificate of the CA that signed the key stores below
 * @param brokerKeyStore      the broker's key and certificate, naming {@code localhost} and {@code 127.0.0.1}
 * @param misnamedKeyStore    the same broker key, but its certificate names only {@value #OTHER_HOST}
 * @param clientKeyStore      a client key and certificate for mutual TLS
 * @param unrelatedCaCert     PEM certificate of a CA that signed none of them
 * @param unrelatedKeyStore   that CA's own key and self-signed certificate: a client certificate {@code caCert} did not sign
 */
public record TestCertificates(Path caCert, Path brokerKeyStore, Path misnamedKeyStore, Path clientKeyStore,
                               Path unrelatedCaCert, Path unrelatedKeyStore) {

    /** The password of every key store. */
    public static final String PASSWORD = "test-store-secret";
    /** The only host the certificate in {@code misnamedKeyStore} names. */
    public static final String OTHER_HOST = "kafka.invalid";

    private static final String CA = "ca";
    private static final String KEY = "key";

    /** Creates the certificates and key stores in {@code dir}; takes a few seconds. */
    public static TestCertificates create(Path dir) {
        try {
            Files.createDirectories(dir);
            Keytool keytool = new Keytool(dir);
            Path ca = keytool.authority("ca");
            Path broker = keytool.signedKeyStore("broker", "dns:localhost,ip:127.0.0.1");
            // The misnamed store starts as a copy of the broker's and gets a certificate for another name:
            // one key pair less to generate, and the name is the only difference between the two.
            Path misnamed = Files.copy(broker, dir.resolve("misnamed.p12"));
            keytool.sign(misnamed, "misnamed", "dns:" + OTHER_HOST);
            Path client = keytool.signedKeyStore("client", null);
            Path unrelated = keytool.authority("unrelated-ca");
            return new TestCertificates(ca, broker, misnamed, client, unrelated, dir.resolve("unrelated-ca.p12"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create test certificates in " + dir, e);
        }
    }

    /** Runs keytool in {@code dir}; the CA's key store is {@code ca.p12}. */
    private record Keytool(Path dir) {

        /** A self-signed CA in {@code <name>.p12}; returns its certificate as {@code <name>.pem}. */
        Path authority(String name) throws IOException {
            Path store = dir.resolve(name + ".p12");
            Path pem = dir.resolve(name + ".pem");
            run("-genkeypair", "-alias", CA, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                    "-ext", "bc:c", "-validity", "2", "-keystore", store.toString(), "-storepass", PASSWORD);
            run("-exportcert", "-rfc", "-alias", CA, "-keystore", store.toString(), "-storepass", PASSWORD,
                    "-file", pem.toString());
            return pem;
        }

        /** A new key in {@code <name>.p12} with a certificate from the CA naming {@code san} (or nothing). */
        Path signedKeyStore(String name, String san) throws IOException {
            Path store = dir.resolve(name + ".p12");
            run("-genkeypair", "-alias", KEY, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                    "-validity", "2", "-keystore", store.toString(), "-storepass", PASSWORD);
            sign(store, name, san);
            return store;
        }

        /** Replaces the certificate of the key in {@code store} by one the CA signs, naming {@code san} (or nothing). */
        void sign(Path store, String name, String san) throws IOException {
            Path request = dir.resolve(name + ".csr");
            Path signed = dir.resolve(name + ".crt");
            run("-certreq", "-alias", KEY, "-keystore", store.toString(), "-storepass", PASSWORD,
                    "-file", request.toString());
            List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", CA, "-keystore",
                    dir.resolve("ca.p12").toString(), "-storepass", PASSWORD, "-validity", "2",
                    "-infile", request.toString(), "-outfile", signed.toString()));
            if (san != null) {
                gencert.addAll(List.of("-ext", "SAN=" + san));
            }
            run(gencert.toArray(String[]::new));
            // keytool installs a reply only with a chain it can follow to a trusted root: hand it the CA too.
            Path chain = dir.resolve(name + "-chain.pem");
            Files.writeString(chain, Files.readString(dir.resolve("ca.pem")) + Files.readString(signed));
            run("-importcert", "-noprompt", "-alias", KEY, "-keystore", store.toString(), "-storepass", PASSWORD,
                    "-file", chain.toString());
        }

        private void run(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                    .toString(),
                    // Each call is a fresh JVM: on a busy machine the optimising JIT and parallel GC threads
                    // make it several times slower for no gain in a run this short.
                    "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            try {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("keytool " + args[0] + " failed in " + dir + ": " + output);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted running keytool " + args[0], e);
            }
        }
    }
}
