package io.kafmirror.engine.state;

import io.kafmirror.engine.mirror.MirrorEvent;
import java.time.Instant;

/**
 * Alerts of one type of one job, on one topic or any, that nobody wants to hear about for a while. A mute covers every
 * matching alert raised before it ends, those before it began included, so ending it (by time or by unmuting) brings
 * back new alerts only: the ones it hid stay muted, as someone chose.
 *
 * @param id        increasing with every mute
 * @param job       the job
 * @param type      the anomaly type
 * @param topic     the topic, or {@code null} for any topic and alerts about the whole job
 * @param by        the operating-system user who muted
 * @param actor     the program it was done in ({@code cli}, {@code console})
 * @param from      when it was muted
 * @param until     when it ends by itself, or {@code null} for not until unmuted
 * @param unmutedBy the operating-system user who unmuted it, or {@code null} while not unmuted
 * @param unmutedAt when it was unmuted, or {@code null}
 */
public record Mute(long id, String job, MirrorEvent.Type type, String topic, String by, String actor, Instant from,
                   Instant until, String unmutedBy, Instant unmutedAt) {

    /** Whether it still hides new alerts at {@code now}. */
    public boolean inForceAt(Instant now) {
        return unmutedAt == null && (until == null || until.isAfter(now));
    }

    /**
     * Whether it covers an alert of {@code type} raised by {@code job} on {@code topic} ({@code null}: the whole job):
     * the rule {@link Alerts} applies in SQL, for an alert not listed yet.
     */
    public boolean covers(String alertJob, MirrorEvent.Type alertType, String alertTopic) {
        return job.equals(alertJob) && type == alertType && (topic == null || topic.equals(alertTopic));
    }

    /** What it mutes, for messages: e.g. {@code FORMAT_DRIFT alerts of job orders on topic payments}. */
    public String scope() {
        return scope(job, type, topic);
    }

    static String scope(String job, MirrorEvent.Type type, String topic) {
        return type + " alerts of job " + job + (topic == null ? " on any topic" : " on topic " + topic);
    }
}
