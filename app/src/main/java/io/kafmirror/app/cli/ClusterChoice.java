package io.kafmirror.app.cli;

import io.kafmirror.kfs.catalog.SegmentCatalog;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Picks the source cluster of a command: the one given, or the only one the catalog knows. */
final class ClusterChoice {

    private final SegmentCatalog catalog;
    private final CommandLine commandLine;

    ClusterChoice(SegmentCatalog catalog, CommandLine commandLine) {
        this.catalog = catalog;
        this.commandLine = commandLine;
    }

    String resolve(String given) {
        List<String> clusters = catalog.clusters();
        if (given != null) {
            if (!clusters.contains(given)) {
                throw new IllegalArgumentException("The backup holds no cluster '" + given + "'. Clusters: " + describe(clusters));
            }
            return given;
        }
        if (clusters.size() == 1) {
            return clusters.get(0);
        }
        if (clusters.isEmpty()) {
            throw new IllegalArgumentException("The catalog " + catalog.file() + " is empty. If the store holds segments, run "
                    + "'kaf-mirror store rebuild-catalog' first.");
        }
        throw new ParameterException(commandLine, "The store holds several clusters (" + describe(clusters) + "): choose one with --cluster.");
    }

    private static String describe(List<String> clusters) {
        return clusters.isEmpty() ? "none" : String.join(", ", clusters);
    }
}
