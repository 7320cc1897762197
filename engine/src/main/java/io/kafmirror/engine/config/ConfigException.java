package io.kafmirror.engine.config;

import java.io.IOException;

/**
 * A configuration that cannot be used: what is wrong, where (file, line, column and key path, as far
 * as they are known) and, in the problem text, what to do about it. The one exception the
 * configuration classes throw for bad input.
 *
 * <p>Checks inside the configuration records do not know the file they are read from, so they throw
 * with a path relative to themselves ({@link #at}); {@link ConfigLoader} then places the exception in
 * the document ({@link #locatedAt}).
 */
public final class ConfigException extends RuntimeException {

    private final ConfigPath path;
    private final String problem;
    private final String source;
    private final int line;
    private final int column;

    private ConfigException(ConfigPath path, String problem, String source, int line, int column, Throwable cause) {
        super(problem, cause);
        this.path = path;
        this.problem = problem;
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** A problem with the value at {@code path}, relative to whatever is being checked. */
    public static ConfigException at(ConfigPath path, String problem) {
        return at(path, problem, null);
    }

    /** A problem at {@code path} found through {@code cause}. */
    static ConfigException at(ConfigPath path, String problem, Throwable cause) {
        return new ConfigException(path, problem, null, 0, 0, cause);
    }

    /** A problem with the value of {@code key}. */
    public static ConfigException at(String key, String problem) {
        return at(ConfigPath.of(key), problem);
    }

    /** A problem with the whole value being checked. */
    public static ConfigException of(String problem) {
        return at(ConfigPath.ROOT, problem);
    }

    /** The configuration {@code source} could not be read at all. */
    static ConfigException unreadable(String source, IOException cause) {
        return new ConfigException(ConfigPath.ROOT, "cannot read the configuration (" + cause + "): check the path and"
                + " its permissions", source, 0, 0, cause);
    }

    /** This problem placed in a document: its absolute path, file and position ({@code line} 0 when unknown). */
    ConfigException locatedAt(ConfigPath absolutePath, String sourceName, int atLine, int atColumn) {
        return new ConfigException(absolutePath, problem, sourceName, atLine, atColumn, getCause());
    }

    /** Where the problem is, relative to what was checked unless the exception came from {@link ConfigLoader}. */
    public ConfigPath path() {
        return path;
    }

    /** What is wrong and what to do, without the location. */
    public String problem() {
        return problem;
    }

    /** The file or stream name, or {@code null} when the problem was not found while loading one. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem in {@link #source}, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem in {@link #source}, 0 when unknown. */
    public int column() {
        return column;
    }

    /** {@code file:line:column: path: problem}, leaving out what is unknown (the form editors jump to). */
    @Override
    public String getMessage() {
        StringBuilder text = new StringBuilder();
        if (source != null) {
            text.append(source);
            if (line > 0) {
                text.append(':').append(line).append(':').append(column);
            }
            text.append(": ");
        }
        if (!path.isRoot()) {
            text.append(path).append(": ");
        }
        return text.append(problem).toString();
    }
}
