package io.kafmirror.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafmirror.engine.state.AuditAnchor;
import io.kafmirror.engine.state.AuditHead;
import io.kafmirror.kfs.store.ByteSource;
import io.kafmirror.kfs.store.KeyTime;
import io.kafmirror.kfs.store.ObjectInfo;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.PutOptions;
import io.kafmirror.kfs.store.SegmentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The audit chain's anchors in one segment store: each a small JSON object written once, never replaced, under
 * {@code audit/<chain>/<seq, 20 digits>-<yyyyMMdd'T'HHmmss.SSS'Z'>.json} (docs/audit.md).
 *
 * <p>{@code audit/} is beside {@code segments/} and {@code snapshots/}, never under them, so segment listings and
 * catalog rebuilds never meet an anchor, and no segment or snapshot key starts with it. Anchors are created like
 * segments: the store refuses to replace a key, and the retention given (Object Lock on S3; a read-only file with its
 * retention recorded in a local folder) keeps them from being deleted or changed.
 */
public final class AuditAnchors {

    /** The folder under which every anchor of every chain lives. */
    public static final String ROOT = "audit/";

    static final String FORMAT = "kaf-mirror audit anchor 1";

    private static final Pattern KEY = Pattern.compile("audit/([0-9a-f-]{36})/(\\d{20})-(" + KeyTime.STAMP_REGEX + ")\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SegmentStore store;
    private final String storeName;

    /** The anchors in {@code store}, which the configuration calls {@code storeName}. */
    public AuditAnchors(SegmentStore store, String storeName) {
        this.store = store;
        this.storeName = storeName;
    }

    /** Writes {@code head} as an anchor taken at {@code at}, protected by {@code retention}, and returns it. */
    public AuditAnchor write(AuditHead head, Instant at, ObjectRetention retention) {
        Instant when = KeyTime.keyable(at);
        String key = ROOT + head.chain() + "/" + String.format("%020d", head.seq()) + "-" + KeyTime.stamp(when) + ".json";
        ObjectNode body = JSON.createObjectNode().put("format", FORMAT).put("chain", head.chain()).put("seq", head.seq())
                .put("hash", head.hash()).put("anchored_at", when.toString());
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.put(key, ByteSource.of(bytes), new PutOptions(Map.of(), retention, false));
        return new AuditAnchor(storeName, key, head.chain(), head.seq(), head.hash(), when);
    }

    /** Every anchor of {@code chain} in the store, oldest sequence first; an object that is not a valid anchor is named. */
    public List<AuditAnchor> list(String chain) {
        try (Stream<ObjectInfo> objects = store.list(ROOT + chain + "/")) {
            return objects.map(o -> read(o.key(), chain)).toList();
        }
    }

    /** The chains that have anchors in the store: another one than the database's may mean the database was replaced. */
    public List<String> chains() {
        try (Stream<ObjectInfo> objects = store.list(ROOT)) {
            return objects.map(o -> KEY.matcher(o.key())).filter(Matcher::matches).map(m -> m.group(1)).distinct().toList();
        }
    }

    private AuditAnchor read(String key, String chain) {
        Matcher m = KEY.matcher(key);
        JsonNode body;
        try (InputStream in = store.open(key)) {
            body = JSON.readTree(in);
        } catch (IOException e) {
            throw unreadable(key, e.getMessage());
        }
        if (!m.matches() || body == null || !FORMAT.equals(body.path("format").asText()) || !chain.equals(body.path("chain").asText())
                || body.path("seq").asLong(-1) != Long.parseLong(m.group(2)) || !body.path("hash").asText().matches("[0-9a-f]{64}")) {
            throw unreadable(key, "it is not an anchor of chain " + chain + " as docs/audit.md describes");
        }
        return new AuditAnchor(storeName, key, chain, body.get("seq").asLong(), body.get("hash").asText(),
                Instant.parse(body.path("anchored_at").asText()));
    }

    private IllegalStateException unreadable(String key, String why) {
        return new IllegalStateException("The audit anchor " + key + " in store " + storeName + " (" + store.location()
                + ") cannot be read: " + why + ". Someone wrote or changed it outside kaf-mirror; keep it for the auditor.");
    }
}
