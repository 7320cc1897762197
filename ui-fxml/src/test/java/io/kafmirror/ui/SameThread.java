package io.kafmirror.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@link Background} on the calling thread: a view model's work is done when its method returns (the Jobs and Restore screens' tests). */
public final class SameThread implements Background {

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            failed.accept(e);
            return;
        }
        done.accept(result);
    }
}
