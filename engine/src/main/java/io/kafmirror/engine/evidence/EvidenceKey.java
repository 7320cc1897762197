package io.kafmirror.engine.evidence;

import io.kafmirror.kfs.format.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key that signs evidence packs, kept in {@code <data>/evidence-signing.key}: the private key (PKCS#8) and
 * the public key (X.509 SubjectPublicKeyInfo) as two PEM blocks, readable by the owner only. It is created on first use,
 * which is the first start of the installed product; a program that loses the race to create it reads the winner's.
 * The JDK's own {@code Ed25519} signature is used, so {@code openssl pkeyutl -verify -rawin} checks what it signs.
 */
public final class EvidenceKey {

    /** The key file's name in the data folder. */
    public static final String FILE = "evidence-signing.key";

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private EvidenceKey(Path file, PrivateKey privateKey, PublicKey publicKey) {
        this.file = file;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key of the data folder {@code dataDir}, created there (owner-only) when there is none yet. */
    public static EvidenceKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            create(dataDir, file);
        }
        return load(file);
    }

    /**
     * Creates the key of {@code dataDir} when there is none yet, as the console and {@code kaf-mirror run} do when they
     * start, so the key exists from the installation's first start and its fingerprint can be handed to auditors before
     * the first pack. Returns the key when this call created it, empty when it was there (or another program created it
     * meanwhile).
     */
    public static Optional<EvidenceKey> createIfMissing(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file) || !create(dataDir, file)) {
            return Optional.empty();
        }
        return Optional.of(load(file));
    }

    /** Creates the key file; false when another program created it first. */
    private static boolean create(Path dataDir, Path file) {
        try {
            Files.createDirectories(dataDir);
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String text = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
            Path temporary = ownerOnlyFile(dataDir);
            try {
                Files.writeString(temporary, text, StandardCharsets.US_ASCII);
                // A hard link never replaces: of two programs creating the key at once, one wins and both use its key.
                Files.createLink(file, temporary);
                return true;
            } catch (FileAlreadyExistsException lost) {
                return false;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the evidence signing key " + file + ": " + e.getMessage()
                    + ". Check that the data folder " + dataDir + " is writable by this user.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot create Ed25519 keys (" + e.getMessage() + "); run kaf-mirror"
                    + " with Java 17 or later.", e);
        }
    }

    private static Path ownerOnlyFile(Path dir) throws IOException {
        try {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            return Files.createTempFile(dir, ".evidence-signing", ".tmp", ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            Path temporary = Files.createTempFile(dir, ".evidence-signing", ".tmp");
            var f = temporary.toFile();
            boolean restricted = f.setReadable(false, false) && f.setReadable(true, true) && f.setWritable(false, false)
                    && f.setWritable(true, true);
            if (!restricted) {
                throw new IOException("cannot restrict " + temporary + " to its owner");
            }
            return temporary;
        }
    }

    private static EvidenceKey load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the evidence signing key " + file + ": " + e.getMessage(), e);
        }
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            if (m.group(1).equals("PRIVATE KEY")) {
                privateDer = der;
            } else if (m.group(1).equals("PUBLIC KEY")) {
                publicDer = der;
            }
        }
        if (privateDer == null || publicDer == null) {
            throw damaged(file, "it does not hold a PRIVATE KEY and a PUBLIC KEY block", null);
        }
        try {
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            EvidenceKey key = new EvidenceKey(file, keys.generatePrivate(new PKCS8EncodedKeySpec(privateDer)),
                    keys.generatePublic(new X509EncodedKeySpec(publicDer)));
            byte[] probe = "kaf-mirror evidence key check".getBytes(StandardCharsets.US_ASCII);
            if (!verify(key.publicKey, probe, key.sign(probe))) {
                throw damaged(file, "its public key does not match its private key", null);
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw damaged(file, e.getMessage(), e);
        }
    }

    private static IllegalStateException damaged(Path file, String why, Exception cause) {
        return new IllegalStateException("The evidence signing key " + file + " is damaged: " + why + ". Restore it from a backup of"
                + " the data folder; only if it is lost, move it aside and a new key is created (packs signed with the old key"
                + " then verify only with the old public key).", cause);
    }

    /** The Ed25519 signature of {@code content}: 64 bytes. */
    public byte[] sign(byte[] content) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the evidence key " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is this key's signature of {@code content}. */
    public boolean verifies(byte[] content, byte[] signature) {
        return verify(publicKey, content, signature);
    }

    private static boolean verify(PublicKey key, byte[] content, byte[] signature) {
        try {
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(key);
            check.update(content);
            return check.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}), as openssl reads it with {@code -pubin}. */
    public String publicPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /**
     * The public key's fingerprint: the SHA-256 of its DER encoding in lower-case hex, what
     * {@code openssl pkey -pubin -in evidence-signing.pub.pem -outform DER | sha256sum} prints.
     */
    public String fingerprint() {
        return Sha256.hex(publicKey.getEncoded());
    }

    /** The key file. */
    public Path file() {
        return file;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END "
                + type + "-----\n";
    }
}
