package io.kafmirror.engine.evidence;

import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.store.LockReport;
import io.kafmirror.kfs.store.ObjectInfo;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.RetentionMode;
import io.kafmirror.kfs.store.RetentionStatus;
import io.kafmirror.kfs.store.SegmentKey;
import io.kafmirror.kfs.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every stored segment of one store with its SHA-256 and retention as the catalog recorded them when it was written,
 * and, for the segments checked, the retention and legal hold the store itself reports now. A store of at most
 * {@link #CHECK_LIMIT} segments is checked completely; a larger one at {@code CHECK_LIMIT} segments evenly spaced in
 * key order (so in time order within a topic), the first always included. A check is one metadata request per segment.
 */
public final class SegmentInventory {

    /** How many segments of one store are asked for their retention at most. */
    public static final int CHECK_LIMIT = 1_000;

    /** The columns of {@code data/segments.csv}. */
    public static final List<String> COLUMNS = List.of("store", "key", "cluster", "topic", "topic_id", "sealed_at", "size_bytes",
            "sha256", "records", "first_record_at", "last_record_at", "retention_mode", "retain_until", "legal_hold", "checked",
            "store_retention_mode", "store_retain_until", "store_legal_hold", "enforced_by_store", "protected_now", "check_problem");

    /** The columns of {@code data/object-lock.csv}: one row per store. */
    public static final List<String> LOCK_COLUMNS = List.of("store", "location", "segments", "bytes", "checked", "coverage",
            "compliance", "governance", "no_retention", "legal_holds", "protected_now", "enforced_by_store", "differences",
            "versioning", "object_lock", "default_retention", "warnings");

    private final String name;
    private final SegmentArchive archive;
    private final List<CatalogEntry> entries;
    private final Instant now;
    private final int limit;

    /** The inventory of store {@code name}, whose catalog holds {@code entries}, judged at {@code now}. */
    public SegmentInventory(String name, SegmentArchive archive, List<CatalogEntry> entries, Instant now) {
        this(name, archive, entries, now, CHECK_LIMIT);
    }

    /** As the public constructor, checking at most {@code limit} segments. */
    SegmentInventory(String name, SegmentArchive archive, List<CatalogEntry> entries, Instant now, int limit) {
        this.name = name;
        this.archive = archive;
        this.entries = List.copyOf(entries);
        this.now = now;
        this.limit = limit;
    }

    /** The store's rows of the segment inventory and its row of the Object Lock summary. */
    public Result take() {
        int n = entries.size();
        int checks = Math.min(n, limit);
        boolean[] checked = new boolean[n];
        for (int i = 0; i < checks; i++) {
            checked[(int) ((long) i * n / checks)] = true;
        }
        List<List<Object>> rows = new ArrayList<>();
        long bytes = 0;
        int compliance = 0;
        int governance = 0;
        int none = 0;
        int holds = 0;
        int protectedNow = 0;
        int enforced = 0;
        int differences = 0;
        for (int i = 0; i < n; i++) {
            CatalogEntry e = entries.get(i);
            bytes += e.size();
            ObjectRetention written = e.retention();
            List<Object> row = new ArrayList<>(List.of(name, e.key(), e.cluster(), e.topic(), e.topicId().toString(),
                    e.sealedAt().toString(), e.size(), e.sha256(), e.recordCount(), time(e.minTimestamp()), time(e.maxTimestamp())));
            row.add(written.isSet() ? written.mode().name() : null);
            row.add(written.isSet() ? written.retainUntil().toString() : null);
            row.add(e.legalHold());
            row.add(checked[i]);
            if (!checked[i]) {
                row.addAll(Collections.nCopies(6, null));
                rows.add(row);
                continue;
            }
            try {
                RetentionStatus status = archive.store().retention(e.key());
                ObjectRetention held = status.retention();
                boolean protects = held.protectsAt(now) || status.legalHold();
                row.add(held.isSet() ? held.mode().name() : null);
                row.add(held.isSet() ? held.retainUntil().toString() : null);
                row.add(status.legalHold());
                row.add(status.enforced());
                row.add(protects);
                String difference = difference(written, e.legalHold(), status);
                row.add(difference);
                if (!held.isSet()) {
                    none++;
                } else if (held.mode() == RetentionMode.COMPLIANCE) {
                    compliance++;
                } else {
                    governance++;
                }
                holds += status.legalHold() ? 1 : 0;
                protectedNow += protects && status.enforced() ? 1 : 0;
                enforced += status.enforced() ? 1 : 0;
                differences += difference == null ? 0 : 1;
            } catch (StoreException ex) {
                row.addAll(Collections.nCopies(5, null));
                row.add("cannot read its retention: " + ex.getMessage());
                differences++;
            }
            rows.add(row);
        }
        LockReport lock = lock();
        List<String> warnings = new ArrayList<>(lock.warnings());
        if (n == 0 && holdsSegments()) {
            warnings.add("The catalog lists no segment, but the store holds some: run 'kaf-mirror store rebuild-catalog' and export again.");
        }
        List<Object> summary = List.of(name, archive.store().location(), n, bytes, checks,
                checks == n ? "complete" : "sample of " + checks + " of " + n, compliance, governance, none, holds, protectedNow, enforced,
                differences, lock.versioning(), lock.objectLock(), lock.defaultRetention() == null ? "none"
                        : lock.defaultRetention() + " " + lock.defaultRetentionDays() + " days", String.join(" ", warnings));
        return new Result(rows, summary);
    }

    private boolean holdsSegments() {
        try (Stream<ObjectInfo> objects = archive.store().list(SegmentKey.ROOT)) {
            return objects.findAny().isPresent();
        } catch (StoreException e) {
            return false;
        }
    }

    private LockReport lock() {
        try {
            return archive.store().verifyLock();
        } catch (StoreException e) {
            return new LockReport(archive.store().location(), false, false, null, 0,
                    List.of("Cannot check versioning and Object Lock: " + e.getMessage()));
        }
    }

    private static String difference(ObjectRetention written, boolean hold, RetentionStatus status) {
        if (!status.enforced()) {
            return null;
        }
        if (!written.equals(status.retention())) {
            return "written with " + text(written) + ", the store holds " + text(status.retention());
        }
        return hold != status.legalHold() ? "written with legal hold " + hold + ", the store holds " + status.legalHold() : null;
    }

    private static String text(ObjectRetention r) {
        return r.isSet() ? r.mode() + " until " + r.retainUntil() : "no retention";
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    /**
     * One store's part of the pack.
     *
     * @param segments its rows of {@code data/segments.csv}, {@link #COLUMNS}
     * @param lock     its row of {@code data/object-lock.csv}, {@link #LOCK_COLUMNS}
     */
    public record Result(List<List<Object>> segments, List<Object> lock) {
    }
}
