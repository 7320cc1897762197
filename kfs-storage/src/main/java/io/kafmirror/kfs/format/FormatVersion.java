package io.kafmirror.kfs.format;

/** The {@code .kfs} magic and format version; see {@code docs/kfs-format.md}. */
final class FormatVersion {

    /** {@code \x89 K F S \r \n \x1a \n}: the high byte and CR/LF pair catch 7-bit and text-mode mangling, as PNG's does. */
    static final byte[] MAGIC = {(byte) 0x89, 'K', 'F', 'S', '\r', '\n', 0x1A, '\n'};
    static final int MAGIC_LENGTH = MAGIC.length;
    static final short CURRENT = 1;

    private FormatVersion() {
    }

    static boolean isMagic(byte[] bytes, int at) {
        for (int i = 0; i < MAGIC_LENGTH; i++) {
            if (bytes[at + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
