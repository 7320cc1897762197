package io.kafmirror.engine.state;

import java.util.List;

/** A job name that is not in the state database; the message lists the jobs that are. */
public final class UnknownJobException extends IllegalArgumentException {

    private final String job;
    private final List<String> knownJobs;

    UnknownJobException(String job, List<String> knownJobs) {
        super("There is no job named '" + job + "'" + (knownJobs.isEmpty()
                ? ": no job has been added yet. Add one with 'kaf-mirror jobs add'."
                : ". The jobs are: " + String.join(", ", knownJobs) + "."));
        this.job = job;
        this.knownJobs = List.copyOf(knownJobs);
    }

    /** The name that was asked for. */
    public String job() {
        return job;
    }

    /** The names of the jobs there are, sorted. */
    public List<String> knownJobs() {
        return knownJobs;
    }
}
