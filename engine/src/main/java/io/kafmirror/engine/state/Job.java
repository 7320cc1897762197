package io.kafmirror.engine.state;

import io.kafmirror.engine.config.JobConfig;
import java.time.Instant;

/**
 * A job as the state database holds it.
 *
 * @param name         the job's name, unique among the jobs
 * @param config       what the job mirrors and how
 * @param desiredState what the operator wants it to do
 * @param created      when it was added
 * @param updated      when its configuration or desired state last changed
 */
public record Job(String name, JobConfig config, DesiredState desiredState, Instant created, Instant updated) {
}
