package io.kafmirror.kfs.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a {@link LocalSegmentStore} keeps beside an object in its sidecar file, as a UTF-8 properties file:
 * <pre>
 * format=1
 * meta.&lt;name&gt;=&lt;value&gt;        one line per user metadata entry
 * retention.mode=COMPLIANCE      absent when no retention
 * retention.until=2030-01-01T00:00:00Z
 * legal-hold=true|false
 * </pre>
 * Readers ignore keys they do not know, so later formats can add lines.
 *
 * @param metadata  user metadata given at creation
 * @param retention the recorded retention, or {@link ObjectRetention#NONE}
 * @param legalHold whether a legal hold is recorded
 */
record LocalObjectAttributes(Map<String, String> metadata, ObjectRetention retention, boolean legalHold) {

    /** Attributes of an object that has no sidecar, e.g. a file copied into the folder by hand. */
    static final LocalObjectAttributes NONE = new LocalObjectAttributes(Map.of(), ObjectRetention.NONE, false);

    private static final String FORMAT = "format";
    private static final String META = "meta.";
    private static final String MODE = "retention.mode";
    private static final String UNTIL = "retention.until";
    private static final String LEGAL_HOLD = "legal-hold";

    LocalObjectAttributes {
        metadata = Map.copyOf(metadata);
    }

    /** The attributes a put with {@code options} records. */
    static LocalObjectAttributes of(PutOptions options) {
        return new LocalObjectAttributes(options.metadata(), options.retention(), options.legalHold());
    }

    /** Parses a sidecar's content. */
    static LocalObjectAttributes parse(InputStream in) throws IOException {
        Properties p = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        Map<String, String> metadata = new HashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(META)) {
                metadata.put(name.substring(META.length()), p.getProperty(name));
            }
        }
        String mode = p.getProperty(MODE);
        ObjectRetention retention = mode == null
                ? ObjectRetention.NONE
                : ObjectRetention.of(RetentionMode.valueOf(mode), Instant.parse(p.getProperty(UNTIL)));
        return new LocalObjectAttributes(metadata, retention, Boolean.parseBoolean(p.getProperty(LEGAL_HOLD)));
    }

    /** These attributes with {@code newRetention}. */
    LocalObjectAttributes withRetention(ObjectRetention newRetention) {
        return new LocalObjectAttributes(metadata, newRetention, legalHold);
    }

    /** These attributes with the legal hold {@code on} or off. */
    LocalObjectAttributes withLegalHold(boolean on) {
        return new LocalObjectAttributes(metadata, retention, on);
    }

    /** The sidecar content. */
    byte[] toBytes() {
        Properties p = new Properties();
        p.setProperty(FORMAT, "1");
        metadata.forEach((name, value) -> p.setProperty(META + name, value));
        if (retention.isSet()) {
            p.setProperty(MODE, retention.mode().name());
            p.setProperty(UNTIL, retention.retainUntil().toString());
        }
        p.setProperty(LEGAL_HOLD, Boolean.toString(legalHold));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            p.store(writer, "kaf-mirror object attributes");
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
