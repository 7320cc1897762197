package io.kafmirror.ui;

import java.util.List;

/**
 * The jobs in the state database, by desired state.
 *
 * @param running      names of the jobs meant to run
 * @param paused       how many are paused
 * @param stopped      how many are stopped
 * @param engineActive whether an engine ({@code kaf-mirror run} or the demo) sampled a running job recently
 */
public record JobsSummary(List<String> running, int paused, int stopped, boolean engineActive) {

    /** Copies the names. */
    public JobsSummary {
        running = List.copyOf(running);
    }
}
