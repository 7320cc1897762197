package io.kafmirror.ui;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.evidence.EvidenceKey;
import io.kafmirror.engine.state.Users;
import io.kafmirror.ui.login.CreateAdminDialog;
import io.kafmirror.ui.login.CreateAdminViewModel;
import io.kafmirror.ui.login.LoginDialog;
import io.kafmirror.ui.login.LoginViewModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations console: one window with the screens of {@link Screen}, a status bar fed from the state
 * database and the stores, and the theme, window and last screen remembered in the data folder.
 */
public final class ConsoleApplication extends Application {

    /** Longest the console's stop waits for its status probe to close the state database. */
    private static final Duration STATUS_CLOSE_LIMIT = Duration.seconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApplication.class);

    private static final Duration JOBS_EVERY = Duration.seconds(3);
    private static final Duration STORES_EVERY = Duration.minutes(5);
    private static final Duration EXIT_AFTER_SHOWN = Duration.seconds(1);

    // Application.launch builds the console itself and passes only strings: the actions travel beside them, and so does
    // who acts without a login, asked of the state database while the toolkit starts.
    private static volatile List<ConsoleAction> launchActions = List.of();
    private static volatile CompletableFuture<Principal> launchWithoutLogin;

    private ConsoleSettings settings;
    private List<ConsoleAction> actions;
    private ConsoleMemory memory;
    private RememberedWindow remembered;
    private Theme desktopTheme;
    private MainViewModel model;
    private StatusUpdates statusUpdates;
    private ScreenHost host;
    private Principal withoutLogin;
    private boolean offerFirstAdmin;
    private ConsoleLogin login;
    private FxBackground background;
    private List<Rectangle2D> screens;
    // Set while a main window is shown; the login dialog of a logout has none.
    private StatusBarModel status;
    private Principal acting;
    private Stage renewal;
    private boolean followed;
    private CompletableFuture<Void> signingKey = CompletableFuture.completedFuture(null);
    // Set on the FX thread by stop: what the window would still build or start after its first frames is left undone.
    private boolean stopped;

    /** The console as {@link Application#launch} builds it, configured by its parameters. */
    public ConsoleApplication() {
    }

    /** The console with explicit settings, for tests that start it on their own stage. */
    public ConsoleApplication(ConsoleSettings settings) {
        this(settings, List.of());
    }

    /** The console with explicit settings and {@code actions} in its menus, for tests that start it on their own stage. */
    public ConsoleApplication(ConsoleSettings settings, List<ConsoleAction> actions) {
        this.settings = settings;
        this.actions = List.copyOf(actions);
    }

    /** Starts the JavaFX toolkit and opens the console; returns when its window is closed. */
    public static void launch(ConsoleSettings settings) {
        launch(settings, List.of());
    }

    /** As {@link #launch(ConsoleSettings)}, with {@code actions} added to the menus. */
    public static void launch(ConsoleSettings settings, List<ConsoleAction> actions) {
        launchActions = List.copyOf(actions);
        // H2 opens (on a first start, creates its schema) on another core while the JavaFX toolkit starts (issue #8).
        launchWithoutLogin = CompletableFuture.supplyAsync(() -> ConsoleLogin.of(settings.dataDir()).withoutLogin());
        Application.launch(ConsoleApplication.class, settings.toArguments().toArray(String[]::new));
    }

    /**
     * Reads the memory, on a first start the desktop's theme, and who acts without a login — file, process and H2 work,
     * kept off the FX thread.
     */
    @Override
    public void init() {
        CompletableFuture<Principal> askedAtLaunch = null;
        if (settings == null) {
            settings = ConsoleSettings.fromNamed(getParameters().getNamed());
            actions = launchActions;
            askedAtLaunch = launchWithoutLogin;
        }
        memory = ConsoleMemory.in(settings.dataDir());
        remembered = memory.load().orElse(null);
        if (remembered == null) {
            desktopTheme = DesktopTheme.ofThisMachine().detect();
        }
        login = ConsoleLogin.of(settings.dataDir());
        withoutLogin = askedAtLaunch != null ? answer(askedAtLaunch) : login.withoutLogin();
        offerFirstAdmin = settings.offerFirstAdmin() && withoutLogin.kind() == Principal.Kind.UNCLAIMED
                && !memory.withoutUsersChosen();
    }

    // What stops the console from opening its state database is said as if it had been opened here.
    private static <T> T answer(CompletableFuture<T> asked) {
        try {
            return asked.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    // The key exists from the first start, so its fingerprint can go to the auditors before the first pack; a key that
    // cannot be created stops no console: the Evidence screen says why again.
    private static void createSigningKey(Path dataDir) {
        try {
            EvidenceKey.createIfMissing(dataDir).ifPresent(key -> LOG.info("Created the evidence signing key {}; its fingerprint"
                    + " (SHA-256) for auditors is {}", key.file(), key.fingerprint()));
        } catch (RuntimeException e) {
            LOG.warn("Cannot create the evidence signing key: {}", e.getMessage(), e);
        }
    }

    /**
     * Opens the console: after the login dialog when the data folder has users, after the dialog creating its
     * administrator when it has none and the settings offer it.
     */
    @Override
    public void start(Stage stage) {
        screens = visibleScreens();
        RememberedWindow initial = remembered != null ? remembered
                : new RememberedWindow(Screen.CLUSTERS, desktopTheme, WindowGeometry.centredOn(screens.get(0)));
        model = mainModel(settings.openOn() == null ? initial
                : new RememberedWindow(settings.openOn(), initial.theme(), initial.geometry()));
        stage.getIcons().add(new Image(ConsoleApplication.class.getResource("kaf-mirror.png").toExternalForm()));
        background = new FxBackground();
        login.whenLoginNeeded(() -> Platform.runLater(() -> logInAgain(stage)));
        if (withoutLogin.kind() == Principal.Kind.ANONYMOUS) {
            logIn(stage, LoginViewModel.AT_START, "");
        } else if (offerFirstAdmin) {
            createFirstAdmin(stage);
        } else {
            open(stage, withoutLogin);
        }
    }

    // One model per main window: the window's listeners on it go with it at a logout.
    private MainViewModel mainModel(RememberedWindow window) {
        MainViewModel created = new MainViewModel();
        created.restore(window, screens);
        Application.setUserAgentStylesheet(created.themeProperty().get().userAgentStylesheet());
        created.themeProperty().addListener((obs, old, theme) -> Application.setUserAgentStylesheet(theme.userAgentStylesheet()));
        return created;
    }

    // The main window is built only once someone logged in, so no screen can be reached before; Cancel closes the
    // only window, which ends the console.
    private void logIn(Stage stage, String why, String user) {
        LoginViewModel dialog = new LoginViewModel(login, background);
        dialog.introProperty().set(why);
        dialog.userProperty().set(user);
        dialog.loggedInProperty().addListener((obs, nobody, who) -> open(stage, who));
        showDialog(stage, "kaf-mirror — Log in", load("login/LoginDialog.fxml", new LoginDialog(dialog, stage::close)));
    }

    private void createFirstAdmin(Stage stage) {
        CreateAdminViewModel dialog = new CreateAdminViewModel(login, memory, background);
        dialog.createdProperty().addListener((obs, nobody, admin) -> open(stage, admin));
        dialog.skippedProperty().addListener((obs, was, skipped) -> open(stage, withoutLogin));
        showDialog(stage, "kaf-mirror — Create the administrator",
                load("login/CreateAdminDialog.fxml", new CreateAdminDialog(dialog)));
    }

    private void showDialog(Stage stage, String title, Parent dialog) {
        // The stage may have shown the main window (a logout) or an earlier console (tests start several on one).
        stage.setScene(new Scene(dialog));
        stage.titleProperty().unbind();
        stage.setTitle(title);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        if (stage.isShowing()) {
            stage.setMaximized(false);
            stage.sizeToScene();
            stage.centerOnScreen();
        }
        stage.show();
    }

    /** Asks for the administrator over the main window (the operator went on without users at the start). */
    private void createAdminLater(Stage owner) {
        CreateAdminViewModel dialog = new CreateAdminViewModel(login, memory, background);
        Stage shown = overMainWindow(owner, "kaf-mirror — Create the administrator",
                load("login/CreateAdminDialog.fxml", new CreateAdminDialog(dialog)));
        dialog.createdProperty().addListener((obs, nobody, admin) -> {
            shown.close();
            actingAs(admin);
        });
        dialog.skippedProperty().addListener((obs, was, skipped) -> shown.close());
    }

    /**
     * The session was refused (it expired, or its password or user changed): asks for the password again over the main
     * window, whose screens carry on as whoever logs in; Cancel closes the console.
     */
    private void logInAgain(Stage owner) {
        if (renewal != null || status == null) {
            // Already asking, or the main window is not shown: its own login dialog is.
            return;
        }
        LoginViewModel dialog = new LoginViewModel(login, background);
        dialog.introProperty().set("Your login session has ended (it lasts " + Users.SESSION.toHours() + " hours, and a"
                + " password change ends it): log in again to carry on where you were.");
        dialog.userProperty().set(acting.name());
        renewal = overMainWindow(owner, "kaf-mirror — Log in again", load("login/LoginDialog.fxml", new LoginDialog(dialog, owner::close)));
        renewal.setOnCloseRequest(e -> owner.close());
        dialog.loggedInProperty().addListener((obs, nobody, who) -> {
            renewal.close();
            renewal = null;
            actingAs(who);
        });
    }

    private Stage overMainWindow(Stage owner, String title, Parent dialog) {
        Stage shown = new Stage();
        shown.initOwner(owner);
        shown.initModality(Modality.WINDOW_MODAL);
        shown.setTitle(title);
        shown.setScene(new Scene(dialog));
        shown.show();
        return shown;
    }

    private void actingAs(Principal who) {
        acting = who;
        status.showActing(who);
    }

    /** Ends the session (audited), takes the main window down so its screens let go of the database, and asks who logs in. */
    private void logOut(Stage stage) {
        String who = acting.name();
        leaveMainWindow();
        background.run(() -> {
            login.logOut();
            return who;
        }, user -> logIn(stage, "Logged out. Log in to act on this data folder again.", user), failure -> {
            LOG.warn("The logout could not be recorded: {}", failure.getMessage(), failure);
            logIn(stage, "Logged out. Log in to act on this data folder again.", who);
        });
    }

    private void leaveMainWindow() {
        host.leave();
        statusUpdates.close();
        model = mainModel(model.remembered());
        status = null;
    }

    private void open(Stage stage, Principal who) {
        acting = who;
        Notifications notifications = new Notifications();
        // Whatever escapes an event handler becomes a notification instead of a trace on the console.
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> notifications.error(failure));
        status = new StatusBarModel();
        status.showActing(who);
        // The window first shows its menu, navigation and status bar around a placeholder; the screen is built once that
        // is drawn, because building and drawing a screen costs more than the rest of the window (issue #8).
        host = ScreenHost.held(new ConsoleContext(settings.configFile(), settings.dataDir(), notifications,
                new Navigation(model::navigate)));
        Parent root = load("MainWindow.fxml", new MainWindow(model, status, host, notifications, actions,
                new AccountActions(() -> logOut(stage), () -> createAdminLater(stage))));

        Scene scene = new Scene(root);
        stage.setScene(scene);
        stage.titleProperty().bind(model.screenProperty().map(screen -> "kaf-mirror — " + screen.title()));
        stage.setMinWidth(WindowGeometry.MIN_WIDTH);
        stage.setMinHeight(WindowGeometry.MIN_HEIGHT);
        place(stage, model.geometryProperty().get());
        stage.show();
        boolean first = !followed;
        if (first) {
            follow(stage);
        }
        StatusBarModel shown = status;
        atNextPulse(scene, () -> windowShown(stage, shown, first));
    }

    private void windowShown(Stage stage, StatusBarModel shown, boolean first) {
        if (stopped || shown != status) {
            return;
        }
        if (first) {
            // Issue #8 sets the target: the window visible within 3 s of starting; this line is how it is measured, at
            // the pulse that hands the shown window, styled and laid out, to the renderer.
            LOG.info("Console window shown {} ms after the JVM started; its {} screen is opening", uptime(),
                    model.screenProperty().get().title());
            signingKey = CompletableFuture.runAsync(() -> createSigningKey(settings.dataDir()));
        }
        // The status bar fills in while the screen is built: its probes run on their own threads.
        statusUpdates = new StatusUpdates(new StatusProbe(settings.configFile(), settings.dataDir(), Clock.systemUTC()),
                shown, JOBS_EVERY, STORES_EVERY);
        statusUpdates.start();
        // After this pulse, so the renderer draws the window while the screen is built.
        Platform.runLater(() -> {
            if (!stopped && shown == status) {
                host.open();
                if (first) {
                    atNextPulse(stage.getScene(), () -> firstScreenShown(stage));
                    // That pulse must come even if the screen changed nothing to draw.
                    Platform.requestNextPulse();
                }
            }
        });
    }

    // The training run and the screenshot tour need the screen itself.
    private void firstScreenShown(Stage stage) {
        if (stopped) {
            return;
        }
        LOG.info("{} screen shown {} ms after the JVM started", model.screenProperty().get().title(), uptime());
        if (settings.exitWhenShown()) {
            // A second more lets the first frames render, so the training run loads what drawing them needs too.
            PauseTransition settle = new PauseTransition(EXIT_AFTER_SHOWN);
            settle.setOnFinished(e -> stage.close());
            settle.play();
        }
        if (settings.screenshots() != null) {
            Theme chosen = model.themeProperty().get();
            Screen shown = model.screenProperty().get();
            new ScreenshotTour(stage.getScene(), model, settings.screenshots(), ScreenshotTour.SETTLE, () -> {
                // The tour is not the operator's doing: the console reopens as it was.
                model.themeProperty().set(chosen);
                model.navigate(shown);
                stage.close();
            }).start();
        }
    }

    /** Runs {@code then} once, after the layout of the next pulse of {@code scene}: what it shows then goes to the renderer. */
    private static void atNextPulse(Scene scene, Runnable then) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                then.run();
            }
        });
    }

    private static long uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** Lets the shown screen and the status updates close the state database, and remembers the window. */
    @Override
    public void stop() throws InterruptedException {
        stopped = true;
        // A first start's key is written by now, unless the file system hangs: the data folder is not let go mid-write.
        signingKey.completeOnTimeout(null, (long) STATUS_CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS).join();
        if (host != null) {
            host.leave();
        }
        if (statusUpdates != null) {
            statusUpdates.close();
            // No frame is left to stall: wait for the state database to be closed before the data folder is let go.
            statusUpdates.awaitClosed(STATUS_CLOSE_LIMIT);
        }
        if (model != null) {
            // A few hundred bytes on the way out: no frame left to stall.
            memory.save(model.remembered());
        }
    }

    /** The visual bounds of the screens, the primary first. */
    private static List<Rectangle2D> visibleScreens() {
        Rectangle2D primary = javafx.stage.Screen.getPrimary().getVisualBounds();
        return Stream.concat(Stream.of(primary), javafx.stage.Screen.getScreens().stream()
                .map(javafx.stage.Screen::getVisualBounds).filter(bounds -> !bounds.equals(primary))).toList();
    }

    private void place(Stage stage, WindowGeometry geometry) {
        stage.setX(geometry.x());
        stage.setY(geometry.y());
        stage.setWidth(geometry.width());
        stage.setHeight(geometry.height());
        stage.setMaximized(geometry.maximized());
    }

    // Bounds are remembered only while not maximized, so restoring a maximized window gives back its old size; and only
    // while the main window is shown, not a login dialog after a logout.
    private void follow(Stage stage) {
        followed = true;
        stage.xProperty().addListener(o -> moved(stage));
        stage.yProperty().addListener(o -> moved(stage));
        stage.widthProperty().addListener(o -> moved(stage));
        stage.heightProperty().addListener(o -> moved(stage));
        stage.maximizedProperty().addListener((obs, was, is) -> {
            if (status != null) {
                model.windowMaximized(is);
            }
        });
    }

    private void moved(Stage stage) {
        if (status != null && !stage.isMaximized() && !stage.isIconified()) {
            model.windowMoved(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }

    private static Parent load(String fxml, Object controller) {
        FXMLLoader loader = new FXMLLoader(ConsoleApplication.class.getResource(fxml));
        loader.setControllerFactory(type -> controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The console's " + fxml + " could not be built: " + e.getMessage(), e);
        }
    }
}
