package io.kafmirror.ui;

import java.util.List;

/**
 * The jobs in the state database, by desired state, and their open critical alerts.
 *
 * @param running      names of the jobs meant to run
 * @param paused       how many are paused
 * @param stopped      how many are stopped
 * @param engineActive whether an engine ({@code kaf-mirror run} or the demo) sampled a running job recently
 * @param openCriticalAlerts how many critical alerts of the jobs nobody acknowledged and no mute covers
 */
public record JobsSummary(List<String> running, int paused, int stopped, boolean engineActive, int openCriticalAlerts) {

    /** Copies the names. */
    public JobsSummary {
        running = List.copyOf(running);
    }
}
