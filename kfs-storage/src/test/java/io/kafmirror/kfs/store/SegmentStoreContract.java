package io.kafmirror.kfs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SegmentStore} must do, run against each implementation by a subclass that supplies a
 * fresh, empty store per test. Multipart behaviour is exercised with objects of three 5 MiB parts, so S3
 * subclasses lower their multipart threshold and part size to 5 MiB.
 */
abstract class SegmentStoreContract {

    /** Part size and threshold S3 subclasses should configure. */
    static final int PART = 5 * 1024 * 1024;
    private static final int LARGE = 2 * PART + 12_345;

    /** The store under test, fresh for each test. */
    protected SegmentStore store;

    /** A new, empty store. */
    protected abstract SegmentStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void headReportsSizeAndMetadataGivenAtCreation() {
        Map<String, String> metadata = Map.of("topic", "orders", "base-offset", "42");
        Instant before = Instant.now().minusSeconds(5);

        store.put("seg/0001.kfs", ByteSource.of(bytes(1000, 1)), PutOptions.DEFAULT.withMetadata(metadata));

        ObjectInfo info = store.head("seg/0001.kfs");
        assertThat(info.key()).isEqualTo("seg/0001.kfs");
        assertThat(info.size()).isEqualTo(1000);
        assertThat(info.metadata()).isEqualTo(metadata);
        assertThat(info.lastModified()).isAfter(before);
    }

    @Test
    void tailReturnsTheLastBytesWithSizeAndMetadataOrTheWholeSmallObject() {
        byte[] content = bytes(1000, 3);
        Map<String, String> metadata = Map.of("kfs-sha256", "ab12");
        store.put("t.kfs", ByteSource.of(content), PutOptions.DEFAULT.withMetadata(metadata));

        ObjectTail tail = store.tail("t.kfs", 64);
        assertThat(tail.bytes()).isEqualTo(Arrays.copyOfRange(content, 936, 1000));
        assertThat(tail.info().size()).isEqualTo(1000);
        assertThat(tail.info().metadata()).isEqualTo(metadata);
        assertThat(store.tail("t.kfs", 5000).bytes()).isEqualTo(content);
        assertThatThrownBy(() -> store.tail("missing.kfs", 64)).isInstanceOf(KeyNotFoundException.class);
    }

    @Test
    void readReturnsExactRangesAndShortOrEmptyPastTheEnd() {
        byte[] content = bytes(1000, 2);
        store.put("r.kfs", ByteSource.of(content), PutOptions.DEFAULT);

        assertThat(store.read("r.kfs", 0, 10)).isEqualTo(Arrays.copyOfRange(content, 0, 10));
        assertThat(store.read("r.kfs", 990, 10)).isEqualTo(Arrays.copyOfRange(content, 990, 1000));
        assertThat(store.read("r.kfs", 995, 10)).isEqualTo(Arrays.copyOfRange(content, 995, 1000));
        assertThat(store.read("r.kfs", 1000, 10)).isEmpty();
        assertThat(store.read("r.kfs", 5000, 10)).isEmpty();
        assertThat(store.read("r.kfs", 10, 0)).isEmpty();
    }

    @Test
    void openStreamsTheWholeObject() throws IOException {
        byte[] content = bytes(70_000, 3);
        store.put("o.kfs", ByteSource.of(content), PutOptions.DEFAULT);

        assertSameBytes(readAll("o.kfs"), content);
    }

    @Test
    void closingAStreamEarlyLeavesTheStoreUsable() throws IOException {
        byte[] content = bytes(LARGE, 11);
        store.put("early.kfs", ByteSource.of(content), PutOptions.DEFAULT);

        try (InputStream in = store.open("early.kfs")) {
            assertThat(in.readNBytes(10)).isEqualTo(Arrays.copyOf(content, 10));
        }
        assertThat(store.read("early.kfs", LARGE - 5, 5)).isEqualTo(Arrays.copyOfRange(content, LARGE - 5, LARGE));
    }

    @Test
    void emptyObjectRoundTrips() throws IOException {
        store.put("empty", ByteSource.of(new byte[0]), PutOptions.DEFAULT);

        assertThat(store.head("empty").size()).isZero();
        assertThat(store.read("empty", 0, 10)).isEmpty();
        assertThat(readAll("empty")).isEmpty();
    }

    @Test
    void listReturnsKeysUnderAPrefixInKeyOrder() {
        List<String> keys = List.of("b", "a/c/d", "ab", "a/b0", "a-c", "a/b");
        for (int i = 0; i < keys.size(); i++) {
            store.put(keys.get(i), ByteSource.of(bytes(10 + i, i)), PutOptions.DEFAULT);
        }

        assertThat(keysOf(store.list(""))).containsExactly("a-c", "a/b", "a/b0", "a/c/d", "ab", "b");
        assertThat(keysOf(store.list("a/"))).containsExactly("a/b", "a/b0", "a/c/d");
        assertThat(keysOf(store.list("a/b"))).containsExactly("a/b", "a/b0");
        assertThat(keysOf(store.list("a"))).containsExactly("a-c", "a/b", "a/b0", "a/c/d", "ab");
        assertThat(keysOf(store.list("zz"))).isEmpty();
        try (Stream<ObjectInfo> listed = store.list("a/c")) {
            assertThat(listed.map(ObjectInfo::size)).containsExactly(11L);
        }
    }

    @Test
    void secondPutOfAKeyIsRejectedAndKeepsTheFirstBytes() {
        byte[] first = bytes(500, 4);
        store.put("once.kfs", ByteSource.of(first), PutOptions.DEFAULT);

        assertThatThrownBy(() -> store.put("once.kfs", ByteSource.of(bytes(600, 5)), PutOptions.DEFAULT))
                .isInstanceOf(KeyAlreadyExistsException.class)
                .hasMessageContaining("once.kfs");
        assertThat(store.read("once.kfs", 0, 1000)).isEqualTo(first);
    }

    @Test
    void racingWritersOfOneKeyExactlyOneWins() throws Exception {
        race(40, 32 * 1024);
    }

    @Test
    void racingMultipartWritersOfOneKeyExactlyOneWins() throws Exception {
        race(3, LARGE);
    }

    @Test
    void largeObjectRoundTripsAndReadsAcrossPartBoundaries() throws IOException {
        byte[] content = bytes(LARGE, 6);
        store.put("big.kfs", ByteSource.of(content), PutOptions.DEFAULT.withMetadata(Map.of("parts", "3")));

        assertThat(store.head("big.kfs").size()).isEqualTo(LARGE);
        assertThat(store.head("big.kfs").metadata()).containsEntry("parts", "3");
        assertSameBytes(readAll("big.kfs"), content);
        for (long position : new long[] {PART - 7, 2L * PART - 1, 0, LARGE - 100}) {
            assertSameBytes(store.read("big.kfs", position, 1000),
                    Arrays.copyOfRange(content, (int) position, (int) Math.min(LARGE, position + 1000)));
        }
    }

    @Test
    void missingKeyIsNotFound() {
        assertThatThrownBy(() -> store.head("nope"))
                .isInstanceOf(KeyNotFoundException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> store.read("nope", 0, 1)).isInstanceOf(KeyNotFoundException.class);
        assertThatThrownBy(() -> store.open("nope")).isInstanceOf(KeyNotFoundException.class);
        assertThatThrownBy(() -> store.retention("nope")).isInstanceOf(KeyNotFoundException.class);
    }

    @Test
    void deleteRemovesTheObjectIsIdempotentAndFreesTheKey() {
        store.put("gone.kfs", ByteSource.of(bytes(100, 7)), PutOptions.DEFAULT);

        store.delete("gone.kfs");
        store.delete("gone.kfs");

        assertThatThrownBy(() -> store.head("gone.kfs")).isInstanceOf(KeyNotFoundException.class);
        assertThat(keysOf(store.list(""))).isEmpty();
        byte[] again = bytes(50, 8);
        store.put("gone.kfs", ByteSource.of(again), PutOptions.DEFAULT);
        assertThat(store.read("gone.kfs", 0, 100)).isEqualTo(again);
    }

    @Test
    void retentionAndLegalHoldGivenAtCreationAreReported() {
        ObjectRetention retention = ObjectRetention.of(RetentionMode.GOVERNANCE, tomorrow());
        store.put("locked.kfs", ByteSource.of(bytes(10, 9)), new PutOptions(Map.of(), retention, true));

        RetentionStatus status = store.retention("locked.kfs");
        assertThat(status.retention()).isEqualTo(retention);
        assertThat(status.legalHold()).isTrue();
    }

    @Test
    void retentionAndLegalHoldCanBeSetExtendedAndLifted() {
        store.put("later.kfs", ByteSource.of(bytes(10, 9)), PutOptions.DEFAULT);
        ObjectRetention retention = ObjectRetention.of(RetentionMode.GOVERNANCE, tomorrow());
        ObjectRetention longer = ObjectRetention.of(RetentionMode.GOVERNANCE, tomorrow().plus(Duration.ofDays(1)));

        store.setRetention("later.kfs", retention);
        store.setLegalHold("later.kfs", true);
        assertThat(store.retention("later.kfs")).extracting(RetentionStatus::retention, RetentionStatus::legalHold)
                .containsExactly(retention, true);

        store.setRetention("later.kfs", longer);
        store.setLegalHold("later.kfs", false);
        assertThat(store.retention("later.kfs")).extracting(RetentionStatus::retention, RetentionStatus::legalHold)
                .containsExactly(longer, false);
    }

    @Test
    void objectWithoutRetentionReportsNone() {
        store.put("free.kfs", ByteSource.of(bytes(10, 10)), PutOptions.DEFAULT);

        RetentionStatus status = store.retention("free.kfs");
        assertThat(status.retention()).isEqualTo(ObjectRetention.NONE);
        assertThat(status.legalHold()).isFalse();
    }

    @Test
    void lockReportNamesTheStore() {
        assertThat(store.verifyLock().location()).isEqualTo(store.location());
    }

    private void race(int rounds, int size) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String key = "race/" + round + ".kfs";
                List<byte[]> contents = List.of(bytes(size, 100 + 2L * round), bytes(size, 101 + 2L * round));
                CyclicBarrier start = new CyclicBarrier(contents.size());
                List<Future<Boolean>> won = new ArrayList<>();
                for (byte[] content : contents) {
                    won.add(writers.submit(() -> {
                        start.await();
                        try {
                            store.put(key, ByteSource.of(content), PutOptions.DEFAULT);
                            return true;
                        } catch (KeyAlreadyExistsException fenced) {
                            return false;
                        }
                    }));
                }
                boolean firstWon = won.get(0).get(60, TimeUnit.SECONDS);
                boolean secondWon = won.get(1).get(60, TimeUnit.SECONDS);

                assertThat(firstWon ^ secondWon).as("exactly one writer wins round %d", round).isTrue();
                assertSameBytes(readAll(key), contents.get(firstWon ? 0 : 1));
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** A day from now, in whole seconds as S3 keeps retention dates. */
    protected static Instant tomorrow() {
        return Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Reads {@code key} through {@link SegmentStore#open}. */
    protected byte[] readAll(String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    /** The keys of a listing, closing it. */
    protected static List<String> keysOf(Stream<ObjectInfo> listing) {
        try (listing) {
            return listing.map(ObjectInfo::key).toList();
        }
    }

    /** Reproducible pseudo-random content. */
    protected static byte[] bytes(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    /** Byte-for-byte equality, reporting the first difference instead of dumping megabytes. */
    protected static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(actual.length).as("length").isEqualTo(expected.length);
        assertThat(Arrays.mismatch(actual, expected)).as("index of the first differing byte").isEqualTo(-1);
    }
}
