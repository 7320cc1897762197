package io.kafmirror.ui.clusters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.ConfigWriter;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.SealedSecrets;
import io.kafmirror.engine.config.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration file the screen edits, read and written only through the engine's {@link ConfigLoader}
 * and {@link ConfigWriter}, so the console and the CLI agree on every rule. Forms become configuration by
 * being read as YAML, the same path a hand-written file takes; the file's jobs are kept as they are.
 */
public final class ConfigFile {

    private final Path file;
    private final ConfigLoader loader;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ConfigWriter writer = new ConfigWriter();
    private MirrorConfig loaded = MirrorConfig.EMPTY;
    private FileTime loadedVersion;

    /** The file {@code file}, with references expanded from {@code environment}. */
    public ConfigFile(Path file, Map<String, String> environment) {
        this.file = file.toAbsolutePath();
        this.loader = new ConfigLoader(environment);
    }

    /** The secrets of the file, decrypted and encrypted with the passphrase of the environment. */
    public SealedSecrets secrets() {
        return loader.secrets();
    }

    /** Where the file is. */
    public Path path() {
        return file;
    }

    /** Reads the file; a file that does not exist yet is an empty configuration, created by the first save. */
    public MirrorConfig load() {
        loadedVersion = version();
        loaded = loadedVersion == null ? MirrorConfig.EMPTY : loader.load(file);
        return loaded;
    }

    /** The cluster {@code form} stands for, with the loader's checks; a {@code ConfigException} says what is wrong. */
    public ClusterConfig cluster(ClusterForm form) {
        return loader.read(writer.toYaml(form.yaml()), ClusterConfig.class, "clusters." + form.nameProperty().get());
    }

    /** The store {@code form} stands for, with the loader's checks. */
    public StoreConfig store(StoreForm form) {
        return loader.read(writer.toYaml(form.yaml()), StoreConfig.class, "stores." + form.nameProperty().get());
    }

    /**
     * Replaces the file's clusters and stores, keeping its jobs; a {@code ConfigException} names a job left
     * without its cluster or store, and an {@link IllegalStateException} says the file changed since it was read.
     */
    public MirrorConfig save(Map<String, ClusterConfig> clusters, Map<String, StoreConfig> stores) {
        MirrorConfig changed = new MirrorConfig(clusters, stores, loaded.jobs(), loaded.alerts());
        FileTime now = version();
        if (now != null && !now.equals(loadedVersion)) {
            // Someone (an editor, another console) wrote the file meanwhile: overwriting would lose their change.
            throw new IllegalStateException(file + " changed on disk since it was opened: Revert to read it again,"
                    + " then make your changes once more");
        }
        writer.write(changed, file);
        loaded = changed;
        loadedVersion = version();
        return changed;
    }

    /**
     * What saving {@code clusters} and {@code stores} changes in the file, for the audit log: per section, the entries
     * added, changed and removed, the new ones as the engine writes them (secrets as their references).
     */
    public Map<String, Object> changes(Map<String, ClusterConfig> clusters, Map<String, StoreConfig> stores) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("clusters", section(loaded.clusters(), clusters));
        changes.put("stores", section(loaded.stores(), stores));
        return changes;
    }

    private Map<String, Object> section(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> added = new TreeMap<>();
        Map<String, Object> changed = new TreeMap<>();
        after.forEach((name, entry) -> {
            if (!before.containsKey(name)) {
                added.put(name, tree(entry));
            } else if (!before.get(name).equals(entry)) {
                changed.put(name, tree(entry));
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("added", added);
        out.put("changed", changed);
        out.put("removed", before.keySet().stream().filter(name -> !after.containsKey(name)).sorted().toList());
        return out;
    }

    private Object tree(Object entry) {
        try {
            return YAML.readValue(writer.toYaml(entry), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back the YAML the engine wrote: " + e.getMessage(), e);
        }
    }

    private FileTime version() {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
