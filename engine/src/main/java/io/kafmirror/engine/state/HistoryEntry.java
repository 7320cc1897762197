package io.kafmirror.engine.state;

import java.time.Instant;

/**
 * One entry of a job's history: a {@link Lifecycle} change or a
 * {@link io.kafmirror.engine.mirror.MirrorEvent}.
 *
 * @param id        increasing with every entry written to the database
 * @param job       the job's name; the job may since have been removed
 * @param at        when it happened
 * @param type      the name of the {@link Lifecycle} or {@link io.kafmirror.engine.mirror.MirrorEvent.Type} constant
 * @param topic     the topic concerned, or {@code null} when it concerns the whole job
 * @param partition the partition concerned, or -1 when it concerns a whole topic or the job
 * @param actor     the program that wrote it ({@code cli}, {@code console}): whose user made the change or whose engine
 *                  noticed the event
 * @param message   a sentence an operator understands
 * @param detail    more for the record, such as the configuration after a change, or {@code null}
 */
public record HistoryEntry(long id, String job, Instant at, String type, String topic, int partition, String actor,
                           String message, String detail) {
}
