package io.kafmirror.engine.snapshot;

import io.kafmirror.engine.mirror.SourceAccessException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Waits for the source cluster's answers to the questions of one snapshot, all within one deadline, so a
 * snapshot of many topics or groups cannot take many timeouts. A failure becomes a {@link SourceAccessException}
 * that says what was being asked.
 */
final class AdminAnswers {

    private final Duration timeout;
    private final long deadline;

    /** Answers that must all arrive within {@code timeout} from now. */
    AdminAnswers(Duration timeout) {
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /** The answer, asked while {@code doing} (e.g. "listing the consumer groups"). */
    <T> T await(KafkaFuture<T> answer, String doing) {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw SourceAccessException.from(telling(e.getCause()), doing);
        } catch (TimeoutException e) {
            throw new SourceAccessException("The source cluster did not answer within " + timeout.toSeconds()
                    + " s while " + doing + "; check that the brokers are reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceAccessException("Interrupted while " + doing, e);
        }
    }

    /**
     * The answer about one topic or group; empty when it was deleted since it was listed, or when the source
     * denies it to us, which {@code denied} hears of. Any other failure fails the whole snapshot.
     */
    <T> Optional<T> awaitItem(KafkaFuture<T> answer, String doing, Runnable denied) {
        try {
            return Optional.of(await(answer, doing));
        } catch (SourceAccessException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthorizationException) {
                denied.run();
                return Optional.empty();
            }
            if (cause instanceof UnknownTopicOrPartitionException || cause instanceof GroupIdNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A refusal of who we are or what we asked, if it is among the causes: after a failed login the client reports
     * later requests as "Failed to find brokers", caused by the refused login.
     */
    private static Throwable telling(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
                return cause;
            }
        }
        return failure;
    }
}
