package io.kafmirror.ui.restore;

import io.kafmirror.kfs.format.KfsRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One stored record next to the cut, as the preview shows it: keys and values as UTF-8 text when they are printable
 * text, else as hex, both shortened.
 *
 * @param offset    its source offset
 * @param timestamp its timestamp, or null when it has none
 * @param key       its key as text
 * @param value     its value as text
 * @param restored  whether it is before the cut, so restored
 */
public record PreviewRecord(long offset, Instant timestamp, String key, String value, boolean restored) {

    /** Longest text shown of a key or value; the preview is for recognising records, not reading them whole. */
    static final int SHOWN_CHARS = 160;
    private static final int SHOWN_HEX_BYTES = 48;

    /** The preview line of {@code record}. */
    static PreviewRecord of(KfsRecord record, boolean restored) {
        Instant at = record.timestamp() == KfsRecord.NO_TIMESTAMP ? null : Instant.ofEpochMilli(record.timestamp());
        return new PreviewRecord(record.offset(), at, text(record.key()), text(record.value()), restored);
    }

    /** {@code bytes} as printable UTF-8 text, else as hex with its length; {@code null} for a null key or value. */
    static String text(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                String line = text.replaceAll("\\R", " ");
                return line.length() <= SHOWN_CHARS ? line : line.substring(0, SHOWN_CHARS) + "…";
            }
        } catch (CharacterCodingException binary) {
            // Not text: shown as hex below.
        }
        int shown = Math.min(bytes.length, SHOWN_HEX_BYTES);
        String hex = "0x" + HexFormat.of().formatHex(bytes, 0, shown);
        return shown == bytes.length ? hex : hex + "… (" + bytes.length + " bytes)";
    }

    /** Its timestamp as the restore point is written, or empty. */
    public String timestampText() {
        return timestamp == null ? "" : PointText.format(timestamp);
    }
}
