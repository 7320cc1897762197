package io.kafmirror.ui.clusters;

import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.EnvExpansion;
import io.kafmirror.engine.config.Passphrase;
import io.kafmirror.engine.config.SealedSecrets;
import io.kafmirror.engine.config.SecretCipher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * The environment a form's {@code ${VARIABLE}} references are read from: the same one {@code ConfigLoader}
 * expands them with when the saved file is loaded, so the form can say now what loading will say later. Its
 * passphrase ({@value Passphrase#VARIABLE} or {@value Passphrase#FILE_VARIABLE}) encrypts secrets typed in clear.
 */
public final class EnvironmentValues {

    // A whole value that is one plain reference: the only secret text a form may show unmasked, since a
    // fallback (${NAME:-text}) or surrounding text may be the secret itself.
    private static final Pattern PLAIN_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");

    private final EnvExpansion expansion;
    private final SealedSecrets secrets;
    // Secrets encrypted ahead, off the FX thread, each used once: the same secret typed twice gets two encryptions.
    private final Map<String, Queue<String>> sealedAhead = new ConcurrentHashMap<>();

    /** References expanded from {@code environment}, secrets encrypted with the passphrase it gives. */
    public EnvironmentValues(Map<String, String> environment) {
        this(environment, new SealedSecrets(Passphrase.fromEnvironment(environment)));
    }

    /** References expanded from {@code environment}, secrets encrypted by {@code secrets} (the loader's, sharing what it decrypted). */
    public EnvironmentValues(Map<String, String> environment, SealedSecrets secrets) {
        this.expansion = new EnvExpansion(environment);
        this.secrets = secrets;
    }

    /** Whether a secret typed in clear can be saved encrypted: a passphrase was given and can be read. */
    public boolean canEncrypt() {
        try {
            return secrets.canEncrypt();
        } catch (ConfigException e) {
            return false;
        }
    }

    /**
     * {@code text} as the file should hold a secret: as it is when it is a reference or already encrypted, otherwise
     * encrypted (about half a second) when a passphrase was given.
     */
    public String encryptedIfClear(String text) {
        if (!inClear(text)) {
            return text;
        }
        String clear = text.strip();
        Queue<String> ahead = sealedAhead.get(clear);
        String sealed = ahead == null ? null : ahead.poll();
        if (ahead != null && ahead.isEmpty()) {
            sealedAhead.remove(clear, ahead);
        }
        return sealed != null ? sealed : secrets.encrypt(clear);
    }

    /**
     * Encrypts each of {@code texts} that {@link #encryptedIfClear} would encrypt, for it to take up: the half second
     * each costs is spent here, off the FX thread.
     */
    public void sealAhead(List<String> texts) {
        texts.stream().filter(this::inClear).map(String::strip).forEach(clear -> sealedAhead
                .computeIfAbsent(clear, c -> new ConcurrentLinkedQueue<>()).add(secrets.encrypt(clear)));
    }

    private boolean inClear(String text) {
        return text != null && !text.isBlank() && !refersToEnvironment(text) && !SecretCipher.isEncrypted(text.strip())
                && canEncrypt();
    }

    /** The note of a secret field: none when empty, where it comes from, or why it cannot be saved as typed. */
    public FieldNote secretNote(String text) {
        if (text == null || text.isEmpty()) {
            return FieldNote.NONE;
        }
        if (SecretCipher.isEncrypted(text.strip())) {
            return FieldNote.info("encrypted: decrypted with the passphrase when kaf-mirror starts");
        }
        return note(text, true).orElse(canEncrypt()
                ? FieldNote.info("saved encrypted (enc:v1) with the passphrase the console was started with")
                : FieldNote.error("a secret typed here cannot be saved in clear: put it in an environment variable and"
                        + " write ${VARIABLE} here, or start the console with " + Passphrase.VARIABLE + " or "
                        + Passphrase.FILE_VARIABLE + " set so it is saved encrypted (Test connection works with it as typed)"));
    }

    /** Whether {@code text} is exactly one {@code ${NAME}} reference, safe to show in a password field. */
    public static boolean isPlainReference(String text) {
        return text != null && PLAIN_REFERENCE.matcher(text).matches();
    }

    /** Whether {@code text} reads the environment at all. */
    public static boolean refersToEnvironment(String text) {
        return text != null && EnvExpansion.refersToEnvironment(text);
    }

    /** {@code text} with its references expanded; a {@link ConfigException} names what cannot be expanded. */
    public String expand(String text) {
        return expansion.expand(text);
    }

    /**
     * The note for a value that may refer to the environment: none without a reference, a remark saying where
     * the value comes from, or the loader's own problem with the reference (e.g. a variable that is not set).
     */
    public Optional<FieldNote> note(String text, boolean secret) {
        if (!refersToEnvironment(text)) {
            return Optional.empty();
        }
        String value;
        try {
            value = expansion.expand(text);
        } catch (ConfigException e) {
            return Optional.of(FieldNote.error(e.problem()));
        }
        // A secret's value is never shown; a plain value is, because it is what the file will hold.
        return Optional.of(FieldNote.info(secret
                ? "read from the environment when kaf-mirror starts; the file keeps " + text
                : "from the environment: saved as its current value, " + value));
    }
}
