package io.kafmirror.ui.clusters;

import io.kafmirror.engine.config.ClientProperties;
import io.kafmirror.engine.config.SecretCipher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster's free {@code properties:} map as the form shows it: one {@code key=value} a line, in order.
 *
 * @param values  the properties of the lines that could be read
 * @param problem the first line that could not, said plainly; empty when every line could
 */
record PropertyLines(Map<String, String> values, Optional<String> problem) {

    /** Reads {@code text}; blank lines are skipped. */
    static PropertyLines parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                return new PropertyLines(values, Optional.of("line " + (i + 1) + " '" + line + "' is not key=value,"
                        + " e.g. client.dns.lookup=use_all_dns_ips"));
            }
            String key = line.substring(0, equals).strip();
            if (values.put(key, line.substring(equals + 1).strip()) != null) {
                return new PropertyLines(values, Optional.of("line " + (i + 1) + ": '" + key + "' is set twice: keep one"));
            }
        }
        return new PropertyLines(values, Optional.empty());
    }

    /**
     * The lines for loaded properties: each value as it was written in the file when that was an environment
     * reference (so a secret shows as {@code ${VARIABLE}}), else as it is.
     */
    static String format(Map<String, String> revealed, Map<String, String> written) {
        StringBuilder text = new StringBuilder();
        revealed.forEach((key, value) -> {
            String shown = written.get(key);
            text.append(key).append('=')
                    .append(shown != null && (EnvironmentValues.refersToEnvironment(shown) || SecretCipher.isEncrypted(shown))
                            ? shown : value).append('\n');
        });
        return text.toString();
    }

    /** The values of the properties that hold secrets. */
    List<String> secretValues() {
        return values.entrySet().stream().filter(p -> ClientProperties.isSecret(p.getKey(), p.getValue()))
                .map(Map.Entry::getValue).toList();
    }

    /** These lines with each secret value typed in clear encrypted, when {@code environment} has a passphrase. */
    PropertyLines encryptedSecrets(EnvironmentValues environment) {
        Map<String, String> encrypted = new LinkedHashMap<>();
        values.forEach((key, value) -> encrypted.put(key, ClientProperties.isSecret(key, value)
                ? environment.encryptedIfClear(value) : value));
        return new PropertyLines(encrypted, problem);
    }

    /** The lines as text, one {@code key=value} a line. */
    String text() {
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** The note for these lines: the first unreadable one, a secret in clear, or a reference that cannot be read. */
    FieldNote note(EnvironmentValues environment) {
        if (problem.isPresent()) {
            return FieldNote.error(problem.get());
        }
        for (Map.Entry<String, String> property : values.entrySet()) {
            String value = property.getValue();
            Optional<FieldNote> fromEnvironment = environment.note(value, ClientProperties.isSecret(property.getKey(), value));
            if (fromEnvironment.isPresent() && fromEnvironment.get().isError()) {
                return FieldNote.error(property.getKey() + ": " + fromEnvironment.get().text());
            }
            if (fromEnvironment.isEmpty() && ClientProperties.isSecret(property.getKey(), value)
                    && !SecretCipher.isEncrypted(value) && !environment.canEncrypt()) {
                return FieldNote.error(property.getKey() + " holds a secret, which cannot be saved in clear: put it in an"
                        + " environment variable and write ${VARIABLE}, or start the console with a passphrase so it is"
                        + " saved encrypted");
            }
        }
        return FieldNote.NONE;
    }
}
