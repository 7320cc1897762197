package io.kafmirror.kfs.format;

import java.util.Arrays;
import java.util.Locale;
import org.apache.kafka.common.compress.Compression;

/**
 * Compression of the record batches in a segment. The id is Kafka's own compression id, which is
 * also what each batch's attributes carry.
 */
public enum SegmentCodec {
    NONE(0, Compression.NONE),
    GZIP(1, Compression.gzip().build()),
    SNAPPY(2, Compression.snappy().build()),
    LZ4(3, Compression.lz4().build()),
    ZSTD(4, Compression.zstd().build());

    private final int id;
    private final Compression compression;

    SegmentCodec(int id, Compression compression) {
        this.id = id;
        this.compression = compression;
    }

    /** The id stored in the footer and in each batch's attributes. */
    public int id() {
        return id;
    }

    /** The kafka-clients compression that encodes batches with this codec. */
    Compression compression() {
        return compression;
    }

    /** The codec with {@code id}; unknown ids are a format error the caller reports. */
    public static SegmentCodec ofId(int id) {
        return Arrays.stream(values()).filter(c -> c.id == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown compression id " + id));
    }

    /** Parses a user-supplied name such as {@code zstd}, naming the valid choices when it is wrong. */
    public static SegmentCodec parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown compression '" + name + "': use one of none, gzip, snappy, lz4, zstd", e);
        }
    }
}
