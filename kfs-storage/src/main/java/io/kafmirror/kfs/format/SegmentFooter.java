package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The footer: what the segment is and the directory of its partition chunks.
 *
 * <pre>
 * CREATED_AT      0  8  int64 epoch ms when the writer sealed the segment
 * WRITER_SEQUENCE 8  8  int64 the writer's segment counter
 * TOPIC_ID        16 16 UUID, most significant 8 bytes first
 * RECORD_COUNT    32 8  int64 records in all chunks
 * MIN_TIMESTAMP   40 8  int64 smallest record timestamp
 * MAX_TIMESTAMP   48 8  int64 largest record timestamp
 * CHUNK_COUNT     56 4  int32 number of directory entries
 * CODEC           60 2  int16 compression id (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd)
 * then strings, each int16 length + UTF-8: SOURCE_CLUSTER, TOPIC, WRITER_ID
 * then ATTRIBUTE_COUNT int16 and that many (key, value) string pairs
 * then CHUNK_COUNT {@link ChunkEntry} entries of 80 bytes, in partition order
 * </pre>
 *
 * @param identity     cluster, topic, topic id and writer
 * @param createdAt    seal time, epoch ms
 * @param codec        compression of every batch
 * @param recordCount  records in all chunks
 * @param minTimestamp smallest record timestamp
 * @param maxTimestamp largest record timestamp
 * @param attributes   free string pairs (e.g. the writing software); readers ignore keys they do not know
 * @param chunks       one entry per partition, in partition order
 */
public record SegmentFooter(SegmentIdentity identity, long createdAt, SegmentCodec codec, long recordCount,
                            long minTimestamp, long maxTimestamp, Map<String, String> attributes,
                            List<ChunkEntry> chunks) {

    static final int CREATED_AT_OFFSET = 0;
    static final int WRITER_SEQUENCE_OFFSET = CREATED_AT_OFFSET + 8;
    static final int TOPIC_ID_OFFSET = WRITER_SEQUENCE_OFFSET + 8;
    static final int RECORD_COUNT_OFFSET = TOPIC_ID_OFFSET + 16;
    static final int MIN_TIMESTAMP_OFFSET = RECORD_COUNT_OFFSET + 8;
    static final int MAX_TIMESTAMP_OFFSET = MIN_TIMESTAMP_OFFSET + 8;
    static final int CHUNK_COUNT_OFFSET = MAX_TIMESTAMP_OFFSET + 8;
    static final int CODEC_OFFSET = CHUNK_COUNT_OFFSET + 4;
    static final int FIXED_LENGTH = CODEC_OFFSET + 2;

    public SegmentFooter {
        attributes = Map.copyOf(attributes);
        chunks = List.copyOf(chunks);
    }

    /** The chunk of {@code partition}, if this segment holds records of it. */
    public Optional<ChunkEntry> chunk(int partition) {
        return chunks.stream().filter(c -> c.partition() == partition).findFirst();
    }

    byte[] encode() {
        List<byte[]> strings = new ArrayList<>();
        strings.add(utf8(identity.sourceCluster()));
        strings.add(utf8(identity.topic()));
        strings.add(utf8(identity.writerId()));
        Map<String, String> sorted = new LinkedHashMap<>();
        attributes.keySet().stream().sorted().forEach(k -> sorted.put(k, attributes.get(k)));
        sorted.forEach((k, v) -> {
            strings.add(utf8(k));
            strings.add(utf8(v));
        });
        int length = FIXED_LENGTH + 2 + chunks.size() * ChunkEntry.LENGTH;
        for (byte[] s : strings) {
            length += 2 + s.length;
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        UUID id = identity.topicId();
        b.putLong(createdAt).putLong(identity.writerSequence())
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .putLong(recordCount).putLong(minTimestamp).putLong(maxTimestamp)
                .putInt(chunks.size()).putShort((short) codec.id());
        for (int i = 0; i < 3; i++) {
            putString(b, strings.get(i));
        }
        b.putShort((short) sorted.size());
        for (int i = 3; i < strings.size(); i++) {
            putString(b, strings.get(i));
        }
        chunks.forEach(c -> c.writeTo(b));
        return b.array();
    }

    /** Decodes footer bytes that were read from {@code position} and whose CRC already matched. */
    static SegmentFooter decode(String objectName, byte[] bytes, long position) {
        FooterCursor in = new FooterCursor(objectName, bytes, position);
        long createdAt = in.int64();
        long sequence = in.int64();
        UUID topicId = new UUID(in.int64(), in.int64());
        long recordCount = in.int64();
        long minTimestamp = in.int64();
        long maxTimestamp = in.int64();
        int chunkCount = in.int32();
        int codecId = in.int16();
        SegmentCodec codec = in.check(() -> SegmentCodec.ofId(codecId), CODEC_OFFSET);
        String cluster = in.string();
        String topic = in.string();
        String writer = in.string();
        SegmentIdentity identity = in.check(() -> new SegmentIdentity(cluster, topic, topicId, writer, sequence), FIXED_LENGTH);
        int attributeCount = in.int16();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            attributes.put(in.string(), in.string());
        }
        if (chunkCount < 1 || in.remaining() != (long) chunkCount * ChunkEntry.LENGTH) {
            throw in.corrupt(CHUNK_COUNT_OFFSET, "directory of " + chunkCount + " chunks does not fill the remaining " + in.remaining() + " bytes");
        }
        List<ChunkEntry> chunks = new ArrayList<>(chunkCount);
        for (int i = 0; i < chunkCount; i++) {
            chunks.add(in.chunkEntry());
        }
        return new SegmentFooter(identity, createdAt, codec, recordCount, minTimestamp, maxTimestamp, attributes, chunks);
    }

    private static byte[] utf8(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("Footer string too long (" + bytes.length + " bytes)");
        }
        return bytes;
    }

    private static void putString(ByteBuffer b, byte[] s) {
        b.putShort((short) s.length).put(s);
    }
}
