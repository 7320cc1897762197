package io.kafmirror.bench;

import io.kafmirror.kfs.format.KfsRecord;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

/**
 * Small events of about 100 bytes of payload (a 16-byte key and a short JSON value, no headers), as metrics or click
 * streams carry them: many records per megabyte, which is what makes a backup of ten million records cheap to build
 * and its segment indexes long.
 */
final class SmallEvents {

    private static final String[] KINDS = {"view", "click", "add", "buy", "leave"};
    private static final Header[] NO_HEADERS = new Header[0];

    private final Random random;

    /** Events drawn from {@code random}. */
    SmallEvents(Random random) {
        this.random = random;
    }

    /** The next event, stored at {@code offset} with CreateTime {@code timestamp}. */
    KfsRecord next(long offset, long timestamp) {
        int user = random.nextInt(10_000_000);
        String key = "user-" + (100_000_000_000L + user);
        String value = "{\"user\":" + user + ",\"kind\":\"" + KINDS[random.nextInt(KINDS.length)] + "\",\"page\":"
                + random.nextInt(5000) + ",\"ms\":" + random.nextInt(10_000) + ",\"at\":" + timestamp + ",\"s\":"
                + Long.toHexString(random.nextLong()) + "}";
        return new KfsRecord(offset, timestamp, TimestampType.CREATE_TIME, key.getBytes(StandardCharsets.US_ASCII),
                value.getBytes(StandardCharsets.US_ASCII), NO_HEADERS);
    }
}
