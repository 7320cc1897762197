package io.kafmirror.app.cli;

import io.kafmirror.engine.mirror.MirrorEvent;
import picocli.CommandLine.Option;

/** What {@code alerts mute|unmute} name: a job's alerts of one type, on one topic or any. */
final class MuteScope {

    @Option(names = "--job", required = true, paramLabel = "JOB", description = "The job.")
    String job;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "The anomaly type, e.g. FORMAT_DRIFT.")
    String type;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Only this topic; default: any topic.")
    String topic;

    /** The anomaly type named; an unknown name fails listing the types. */
    MirrorEvent.Type type() {
        return MirrorEvent.Type.named(type);
    }
}
