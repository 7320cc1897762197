package io.kafmirror.app.cli;

import io.kafmirror.kfs.format.KfsRecord;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

/**
 * Prints records one per line: offset, timestamp (ISO and type), key, headers, value. Bytes are
 * shown as text when they are printable UTF-8 and as {@code base64:...} otherwise, or always as
 * base64 when asked, so binary payloads never garble a terminal.
 */
public final class RecordPrinter {

    private final PrintWriter out;
    private final boolean alwaysBase64;

    /** A printer writing to {@code out}. */
    public RecordPrinter(PrintWriter out, boolean alwaysBase64) {
        this.out = out;
        this.alwaysBase64 = alwaysBase64;
    }

    /** Prints {@code r} of {@code partition} on one line. */
    public void print(int partition, KfsRecord r) {
        StringBuilder line = new StringBuilder();
        line.append(partition).append('@').append(r.offset())
                .append('\t').append(r.timestamp() == KfsRecord.NO_TIMESTAMP ? "-" : Instant.ofEpochMilli(r.timestamp()).toString())
                .append(' ').append(r.timestampType() == TimestampType.LOG_APPEND_TIME ? "LogAppendTime" : "CreateTime")
                .append("\tkey=").append(show(r.key()));
        for (Header h : r.headers()) {
            line.append("\t").append(h.key()).append('=').append(show(h.value()));
        }
        line.append("\tvalue=").append(show(r.value()));
        out.println(line);
    }

    String show(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        if (!alwaysBase64) {
            String text = printableText(bytes);
            if (text != null) {
                return text;
            }
        }
        return "base64:" + Base64.getEncoder().encodeToString(bytes);
    }

    private static String printableText(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            boolean printable = s.codePoints().allMatch(c -> c == ' ' || !Character.isISOControl(c) && !Character.isWhitespace(c) || c == '\u00a0');
            return printable && !s.startsWith("base64:") && !s.equals("null") ? s : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
