package io.kafmirror.kfs.store;

/**
 * The end of an object, read together with what the store knows of it.
 *
 * @param info  size, last-modified time and user metadata of the whole object
 * @param bytes its last bytes; the whole object when it is small enough
 */
public record ObjectTail(ObjectInfo info, byte[] bytes) {
}
