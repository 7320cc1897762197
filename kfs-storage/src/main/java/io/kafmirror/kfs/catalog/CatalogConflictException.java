package io.kafmirror.kfs.catalog;

/** A key is already catalogued with another SHA-256: objects are never rewritten, so one of them was tampered with. */
public class CatalogConflictException extends RuntimeException {

    public CatalogConflictException(String key, String catalogued, String offered) {
        super("Segment '" + key + "' is catalogued with SHA-256 " + catalogued + " but now has " + offered
                + ". Segments are never rewritten: the object was replaced or altered. Run 'kaf-mirror store verify' and "
                + "restore it from another copy.");
    }
}
