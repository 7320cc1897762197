package io.kafmirror.ui.restore;

/**
 * How the restore of one of the topics asked for ended: its result, the failure that stopped it, or neither when it
 * was not started because Cancel was pressed before.
 *
 * @param order   what was asked for the topic
 * @param result  how it ended; null when it failed or was not started
 * @param failure why it failed; null when it did not
 */
record TopicOutcome(RestoreOrder order, ClusterRestore.Result result, RuntimeException failure) {
}
