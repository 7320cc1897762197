package io.kafmirror.ui;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.evidence.EvidenceKey;
import io.kafmirror.ui.login.LoginDialog;
import io.kafmirror.ui.login.LoginViewModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
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

    // Application.launch builds the console itself and passes only strings: the actions travel beside them.
    private static volatile List<ConsoleAction> launchActions = List.of();

    private ConsoleSettings settings;
    private List<ConsoleAction> actions;
    private ConsoleMemory memory;
    private RememberedWindow remembered;
    private Theme desktopTheme;
    private MainViewModel model;
    private StatusUpdates statusUpdates;
    private ScreenHost host;
    private Principal withoutLogin;

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
        Application.launch(ConsoleApplication.class, settings.toArguments().toArray(String[]::new));
    }

    /** Reads the memory and, on a first start, the desktop's theme — file and process work, kept off the FX thread. */
    @Override
    public void init() {
        if (settings == null) {
            settings = ConsoleSettings.fromNamed(getParameters().getNamed());
            actions = launchActions;
        }
        createSigningKey(settings.dataDir());
        memory = ConsoleMemory.in(settings.dataDir());
        remembered = memory.load().orElse(null);
        if (remembered == null) {
            desktopTheme = DesktopTheme.ofThisMachine().detect();
        }
        withoutLogin = ConsoleLogin.of(settings.dataDir()).withoutLogin();
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

    /** Opens the console, after the login dialog when the data folder has users. */
    @Override
    public void start(Stage stage) {
        List<Rectangle2D> screens = visibleScreens();
        model = new MainViewModel();
        model.restore(remembered != null ? remembered
                : new RememberedWindow(Screen.CLUSTERS, desktopTheme, WindowGeometry.centredOn(screens.get(0))),
                screens);
        if (settings.openOn() != null) {
            model.navigate(settings.openOn());
        }
        Application.setUserAgentStylesheet(model.themeProperty().get().userAgentStylesheet());
        model.themeProperty().addListener((obs, old, theme) -> Application.setUserAgentStylesheet(theme.userAgentStylesheet()));
        stage.getIcons().add(new Image(ConsoleApplication.class.getResource("kaf-mirror.png").toExternalForm()));
        if (withoutLogin.kind() == Principal.Kind.ANONYMOUS) {
            logIn(stage);
        } else {
            open(stage, withoutLogin);
        }
    }

    // The main window is built only once someone logged in, so no screen can be reached before; Cancel closes the
    // only window, which ends the console.
    private void logIn(Stage stage) {
        LoginViewModel login = new LoginViewModel(ConsoleLogin.of(settings.dataDir()), new FxBackground());
        login.loggedInProperty().addListener((obs, nobody, who) -> open(stage, who));
        stage.setScene(new Scene(load("login/LoginDialog.fxml", new LoginDialog(login, stage::close))));
        // The stage may have shown an earlier console (tests start several on one), whose title stays bound.
        stage.titleProperty().unbind();
        stage.setTitle("kaf-mirror — Log in");
        stage.show();
    }

    private void open(Stage stage, Principal acting) {
        Notifications notifications = new Notifications();
        // Whatever escapes an event handler becomes a notification instead of a trace on the console.
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> notifications.error(failure));
        StatusBarModel status = new StatusBarModel();
        status.showActing(acting);
        host = new ScreenHost(new ConsoleContext(settings.configFile(), settings.dataDir(), notifications,
                new Navigation(model::navigate)));
        Parent root = load("MainWindow.fxml", new MainWindow(model, status, host, notifications, actions));

        stage.setScene(new Scene(root));
        stage.titleProperty().bind(model.screenProperty().map(screen -> "kaf-mirror — " + screen.title()));
        stage.setMinWidth(WindowGeometry.MIN_WIDTH);
        stage.setMinHeight(WindowGeometry.MIN_HEIGHT);
        place(stage, model.geometryProperty().get());
        stage.show();
        // Issue #8 sets the target: the window visible within 3 s of starting; this line is how it is measured.
        LOG.info("Console window shown {} ms after the JVM started", ManagementFactory.getRuntimeMXBean().getUptime());

        statusUpdates = new StatusUpdates(new StatusProbe(settings.configFile(), settings.dataDir(), Clock.systemUTC()),
                status, JOBS_EVERY, STORES_EVERY);
        statusUpdates.start();
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

    /** Lets the shown screen and the status updates close the state database, and remembers the window. */
    @Override
    public void stop() throws InterruptedException {
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
        // Bounds are remembered only while not maximized, so restoring a maximized window gives back its old size.
        stage.xProperty().addListener(o -> moved(stage));
        stage.yProperty().addListener(o -> moved(stage));
        stage.widthProperty().addListener(o -> moved(stage));
        stage.heightProperty().addListener(o -> moved(stage));
        stage.maximizedProperty().addListener((obs, was, is) -> model.windowMaximized(is));
    }

    private void moved(Stage stage) {
        if (!stage.isMaximized() && !stage.isIconified()) {
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
