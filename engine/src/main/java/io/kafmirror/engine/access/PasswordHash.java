package io.kafmirror.engine.access;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (BouncyCastle), in the PHC string format {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} that
 * other Argon2 tools read. The cost is OWASP's recommendation (19 MiB, 2 passes, 1 lane): 130 ms a check measured on a
 * busy 2-core build machine, cheap for a login and expensive for someone guessing against a stolen state database. A
 * stored hash keeps its own cost, so raising it later does not lock anyone out.
 */
public final class PasswordHash {

    /** The shortest password accepted. */
    public static final int MIN_LENGTH = 10;

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();

    // Checked when the user does not exist, so that a wrong name costs as long as a wrong password.
    private static final String DECOY = of("not a password of anyone".toCharArray());

    private PasswordHash() {
    }

    /** The hash of {@code password} with a new random salt; refuses a password shorter than {@value #MIN_LENGTH}. */
    public static String of(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("A password must have at least " + MIN_LENGTH + " characters; choose a longer one.");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = hash(password, salt, MEMORY_KIB, ITERATIONS, LANES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    /** Whether {@code password} has the hash {@code stored}; {@code stored == null} (no such user) checks a decoy and is false. */
    public static boolean matches(char[] password, String stored) {
        Matcher m = PHC.matcher(stored == null ? DECOY : stored);
        if (!m.matches()) {
            throw new IllegalStateException("A stored password hash is not an Argon2id hash kaf-mirror wrote; set the user's"
                    + " password again with 'kaf-mirror users passwd'.");
        }
        byte[] expected = B64_IN.decode(m.group(5));
        byte[] actual = hash(password, B64_IN.decode(m.group(4)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return stored != null && MessageDigest.isEqual(expected, actual);
    }

    private static byte[] hash(char[] password, byte[] salt, int memory, int iterations, int lanes) {
        return hash(password, salt, memory, iterations, lanes, HASH_BYTES);
    }

    private static byte[] hash(char[] password, byte[] salt, int memory, int iterations, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(iterations).withParallelism(lanes).withSalt(salt).build());
        byte[] utf8 = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(utf8, out);
            return out;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
