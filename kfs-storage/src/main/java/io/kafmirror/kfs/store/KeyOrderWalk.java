package io.kafmirror.kfs.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Walks the object files below a folder lazily, in the order of their keys, like an S3 listing.
 *
 * <p>A plain sorted depth-first walk is not key order: folder {@code a} sorts before file {@code a-c},
 * yet key {@code a-c} sorts before {@code a/b} because '-' &lt; '/'. Every key below folder {@code a}
 * starts with {@code "a/"}, so siblings are sorted by name plus a '/' for folders, which puts each
 * folder exactly where its keys belong. One folder is read at a time, when the walk reaches it.
 */
final class KeyOrderWalk implements Iterator<Path> {

    private record Entry(Path path, String sortName, boolean folder) {
    }

    private final Predicate<String> hidden;
    private final LocalExceptionTranslator errors;
    private final Deque<Iterator<Entry>> pending = new ArrayDeque<>();
    private Path next;

    /**
     * Walks {@code start}, keeping at its top level only names that begin with {@code namePrefix} and
     * skipping every name {@code hidden} accepts.
     */
    KeyOrderWalk(Path start, String namePrefix, Predicate<String> hidden, LocalExceptionTranslator errors) {
        this.hidden = hidden;
        this.errors = errors;
        if (Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            pending.push(entries(start).stream().filter(e -> e.sortName().startsWith(namePrefix)).iterator());
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null && !pending.isEmpty()) {
            Iterator<Entry> top = pending.peek();
            if (!top.hasNext()) {
                pending.pop();
                continue;
            }
            Entry entry = top.next();
            if (entry.folder()) {
                pending.push(entries(entry.path()).iterator());
            } else {
                next = entry.path();
            }
        }
        return next != null;
    }

    @Override
    public Path next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Path result = next;
        next = null;
        return result;
    }

    private List<Entry> entries(Path folder) {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (hidden.test(name)) {
                    continue;
                }
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(new Entry(child, name + "/", true));
                } else if (Files.isRegularFile(child)) {
                    entries.add(new Entry(child, name, false));
                }
            }
        } catch (NoSuchFileException e) {
            // Deleted since its parent was read: it holds no keys any more.
            return entries;
        } catch (IOException e) {
            throw errors.translate(e, "listing", folder);
        }
        entries.sort(Comparator.comparing(Entry::sortName));
        return entries;
    }
}
