package io.kafmirror.app.demo;

/**
 * How the demo is doing, as of the engine's latest progress sample.
 *
 * @param produced   records the traffic generator had acknowledged since this start
 * @param stored     records of the demo topics in the store, over all runs (the stored offsets; the demo writes no
 *                   transactions, so offsets have no gaps)
 * @param lagRecords records on the cluster not yet in the store
 */
public record DemoStatus(long produced, long stored, long lagRecords) {
}
