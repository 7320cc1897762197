package io.kafmirror.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Reads a screen's list on a {@link FxBackground} every few seconds while the screen is shown (an engine changes the
 * state database on its own), and closes the screen's hold on the database when another screen is shown, so H2 is
 * held only while needed; it is opened again on return.
 *
 * @param <T> what is read
 */
public final class RefreshWhileShown<T> {

    private final ScheduledService<T> updates;

    /**
     * Reads every {@code period} on {@code background} with the work {@code read} gives on the FX thread (so it may take
     * the screen's filters as they are then), the result going to {@code shown}, a failure to {@code failed}.
     */
    public RefreshWhileShown(FxBackground background, Duration period, Supplier<Callable<T>> read, Consumer<? super T> shown,
                             Consumer<Throwable> failed) {
        this.updates = new ScheduledService<>() {
            @Override
            protected Task<T> createTask() {
                Callable<T> work = read.get();
                return new Task<>() {
                    @Override
                    protected T call() throws Exception {
                        return work.call();
                    }
                };
            }
        };
        updates.setPeriod(period);
        updates.setExecutor(background.threads());
        updates.setOnSucceeded(e -> shown.accept(updates.getValue()));
        updates.setOnFailed(e -> failed.accept(updates.getException()));
    }

    /**
     * Reads while {@code root} is in a scene, running {@code onShown} first each time it is shown; when it leaves the
     * scene, stops and closes {@code state} on {@code background}, a failure to close going to {@code errors}.
     */
    public void attach(Node root, FxBackground background, AutoCloseable state, Runnable onShown, Consumer<Throwable> errors) {
        root.sceneProperty().addListener((o, before, after) -> {
            if (after != null) {
                onShown.run();
                updates.restart();
            } else {
                updates.cancel();
                background.run(() -> {
                    state.close();
                    return null;
                }, done -> { }, errors);
            }
        });
    }
}
