package io.kafmirror.kfs.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The SHA-256 a sealed segment computes when first asked, once, whichever threads ask. */
class SealedSegmentTest {

    @Test
    void sha256IsTheHashOfTheBytes() {
        SealedSegment sealed = seal();

        assertThat(sealed.sha256()).isEqualTo(Sha256.hex(sealed.bytes()));
    }

    @Test
    void threadsAskingAtOnceGetTheOneHashComputed() throws Exception {
        SealedSegment sealed = seal();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return sealed.sha256();
                }));
            }
            start.countDown();
            String first = answers.get(0).get();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isSameAs(first);
            }
            assertThat(sealed.sha256()).isSameAs(first);
        } finally {
            pool.shutdownNow();
        }
    }

    private static SealedSegment seal() {
        SegmentWriter writer = new SegmentWriter(SegmentFidelityTest.ID, SegmentWriterConfig.DEFAULT);
        for (long offset = 0; offset < 1000; offset++) {
            writer.append((int) (offset % 3), KfsRecord.of(offset, 1_700_000_000_000L + offset, null, new byte[1000]));
        }
        return writer.seal(1);
    }
}
