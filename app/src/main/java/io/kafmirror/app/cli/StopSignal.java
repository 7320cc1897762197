package io.kafmirror.app.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM and Ctrl-C (SIGINT) as a request to stop. They are caught with {@code sun.misc.Signal}, so the JVM does not
 * begin its shutdown: shutdown hooks run all at once, and H2's own hook would close the state database and catalog
 * under the backup's final flush (and the audit log's last anchor). {@code kaf-mirror run} and the demo instead close
 * everything in order and exit 0, which a service manager reads as a clean stop. A second signal kills at once, for a stop that hangs.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is reached by reflection because javac warns about every
 * use of it, in every build, without a way to silence it. On a runtime without it a shutdown hook asks for the stop and
 * holds the JVM until {@link #stopped()}.
 */
public final class StopSignal {

    private static final long HOOK_WAIT_SECONDS = 120;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** The handlers this replaced, each with its signal, to give back on {@link #release()}. */
    private final List<Object[]> replaced = new ArrayList<>();
    private Method handle;

    private StopSignal() {
    }

    /** Catches SIGTERM and SIGINT from now on. */
    public static StopSignal install() {
        StopSignal signal = new StopSignal();
        if (!signal.catchSignals("TERM", "INT")) {
            Runtime.getRuntime().addShutdownHook(new Thread(signal::requestAndWait, "kaf-mirror-stop"));
        }
        return signal;
    }

    /** Waits up to {@code timeout} for a signal; true once one came. */
    public boolean await(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a signal, however long it takes. */
    public void await() throws InterruptedException {
        requested.await();
    }

    /** Asks for the stop as a signal does: the console window on the demo was closed. */
    public void request() {
        requested.countDown();
    }

    /** Says the program has closed what it had open, releasing a shutdown hook that waits for it. */
    public void stopped() {
        stopped.countDown();
    }

    /**
     * Gives SIGTERM and Ctrl-C back to whoever handled them before (the JVM's shutdown), for a program that stays alive
     * after the step a signal was to stop.
     */
    public void release() {
        stopped();
        for (Object[] signalAndHandler : replaced) {
            try {
                handle.invoke(null, signalAndHandler[0], signalAndHandler[1]);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // The signal keeps this handler, which asks for a stop nobody waits for and then hands over to the default.
            }
        }
        replaced.clear();
    }

    private boolean catchSignals(String... names) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object defaultHandler = handlerClass.getField("SIG_DFL").get(null);
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            requested.countDown();
                            handle.invoke(null, args[0], defaultHandler);
                            return null;
                        }
                        return method.invoke(this, args);
                    });
            for (String name : names) {
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                replaced.add(new Object[] {signal, handle.invoke(null, signal, handler)});
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private void requestAndWait() {
        requested.countDown();
        try {
            stopped.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
