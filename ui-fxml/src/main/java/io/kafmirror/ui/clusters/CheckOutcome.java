package io.kafmirror.ui.clusters;

/**
 * What a Test connection found, in plain words.
 *
 * @param ok      whether the cluster or store can be used as configured
 * @param summary one line, e.g. "3 brokers, 42 topics, authenticated as alice (SCRAM-SHA-512)", or the problem
 * @param details further lines (broker addresses, warnings), possibly empty
 */
public record CheckOutcome(boolean ok, String summary, String details) {

    /** A check that found the cluster or store usable. */
    public static CheckOutcome passed(String summary, String details) {
        return new CheckOutcome(true, summary, details);
    }

    /** A check that found a problem, said plainly. */
    public static CheckOutcome failed(String summary) {
        return new CheckOutcome(false, summary, "");
    }
}
