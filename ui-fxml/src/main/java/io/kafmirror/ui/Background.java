package io.kafmirror.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where a screen's slow work (H2, Kafka, the store) runs: off the FX thread in the console ({@link FxBackground}),
 * on the calling thread in view model tests, so those need neither a stage nor waiting.
 */
public interface Background {

    /** Runs {@code work}, then {@code done} with its result or {@code failed} with its failure, on the FX thread. */
    <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed);
}
