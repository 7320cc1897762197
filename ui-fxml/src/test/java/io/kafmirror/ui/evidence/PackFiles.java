package io.kafmirror.ui.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The files of an evidence pack as the Evidence screen wrote it, read as an auditor unzips them. */
final class PackFiles {

    private PackFiles() {
    }

    /** Every file in {@code zip}, by path. */
    static Map<String, byte[]> of(Path zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                files.put(e.getName(), entries.readAllBytes());
            }
        }
        return files;
    }
}
