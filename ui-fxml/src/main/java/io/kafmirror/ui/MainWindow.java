package io.kafmirror.ui;

import io.kafmirror.engine.access.Principal;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Controller of {@code MainWindow.fxml}: binds the navigation, content and status bar to their models. */
public final class MainWindow {

    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");

    private final MainViewModel model;
    private final StatusBarModel status;
    private final ScreenHost screens;
    private final Notifications notifications;
    private final List<ConsoleAction> actions;
    private final AccountActions account;
    private final ToggleGroup navigationGroup = new ToggleGroup();

    @FXML
    private MenuBar menuBar;
    @FXML
    private VBox navigation;
    @FXML
    private MenuItem createAdminItem;
    @FXML
    private MenuItem logOutItem;
    @FXML
    private Menu viewMenu;
    @FXML
    private CheckMenuItem darkThemeItem;
    @FXML
    private ToggleButton themeToggle;
    @FXML
    private StackPane content;
    @FXML
    private Label storeHealth;
    @FXML
    private Label objectLock;
    @FXML
    private Label runningJobs;
    @FXML
    private Label openAlerts;
    @FXML
    private Label acting;

    /**
     * A controller over these models, showing screens in {@code screens}, {@code actions} in the menus, and what
     * {@code account} does about who acts in the File menu.
     */
    public MainWindow(MainViewModel model, StatusBarModel status, ScreenHost screens, Notifications notifications,
                      List<ConsoleAction> actions, AccountActions account) {
        this.model = model;
        this.status = status;
        this.screens = screens;
        this.notifications = notifications;
        this.actions = List.copyOf(actions);
        this.account = account;
    }

    @FXML
    private void initialize() {
        int menuPosition = 0;
        for (Screen screen : Screen.values()) {
            KeyCombination shortcut = new KeyCodeCombination(KeyCode.valueOf("DIGIT" + screen.shortcutDigit()),
                    KeyCombination.SHORTCUT_DOWN);
            ToggleButton button = new ToggleButton(screen.title());
            button.setId("nav-" + screen.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(navigationGroup);
            button.setUserData(screen);
            button.setTooltip(new Tooltip(screen.title() + " (" + shortcut.getDisplayText() + ")"));
            button.setOnAction(e -> model.navigate(screen));
            navigation.getChildren().add(button);

            MenuItem item = new MenuItem(screen.title());
            item.setAccelerator(shortcut);
            item.setOnAction(e -> model.navigate(screen));
            viewMenu.getItems().add(menuPosition++, item);
        }
        // A click on the selected screen's button would unselect it: the screen shown stays selected.
        navigationGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                navigationGroup.selectToggle(old);
            }
        });
        content.getChildren().setAll(screens.area(), notifications.layer());

        model.screenProperty().addListener((obs, old, screen) -> show(screen));
        show(model.screenProperty().get());
        model.themeProperty().addListener((obs, old, theme) -> showTheme(theme));
        showTheme(model.themeProperty().get());

        bind(storeHealth, status.storeHealth());
        bind(objectLock, status.objectLock());
        bind(runningJobs, status.jobs());
        bind(openAlerts, status.alerts());
        bind(acting, status.acting());
        logOutItem.visibleProperty().bind(status.principalProperty().map(p -> p.kind() == Principal.Kind.USER).orElse(false));
        createAdminItem.visibleProperty().bind(status.principalProperty()
                .map(p -> p.kind() == Principal.Kind.UNCLAIMED).orElse(false));
        actions.forEach(this::addToMenus);
    }

    @FXML
    private void toggleTheme() {
        model.toggleTheme();
    }

    @FXML
    private void logOut() {
        account.logOut().run();
    }

    @FXML
    private void createAdmin() {
        account.createAdmin().run();
    }

    @FXML
    private void quit() {
        Platform.exit();
    }

    private void show(Screen screen) {
        navigationGroup.getToggles().stream().filter(t -> t.getUserData() == screen).findFirst()
                .ifPresent(navigationGroup::selectToggle);
        screens.show(screen);
    }

    private void showTheme(Theme theme) {
        darkThemeItem.setSelected(theme == Theme.DARK);
        themeToggle.setSelected(theme == Theme.DARK);
    }

    private static void bind(Label label, StatusItem item) {
        label.textProperty().bind(item.textProperty());
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(item.detailsProperty());
        label.setTooltip(tooltip);
        item.attentionProperty().addListener((obs, was, is) -> label.pseudoClassStateChanged(ATTENTION, is));
        label.pseudoClassStateChanged(ATTENTION, item.attentionProperty().get());
    }

    private void addToMenus(ConsoleAction action) {
        Menu menu = menuBar.getMenus().stream().filter(m -> m.getText().equals(action.menu())).findFirst()
                .orElseGet(() -> {
                    Menu added = new Menu(action.menu());
                    menuBar.getMenus().add(added);
                    return added;
                });
        MenuItem item = new MenuItem(action.label());
        item.setOnAction(e -> run(action));
        menu.getItems().add(item);
    }

    /** Runs {@code action} off the FX thread and tells the operator what came of it. */
    private void run(ConsoleAction action) {
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws Exception {
                return action.action().call();
            }
        };
        task.setOnSucceeded(e -> notifications.info(task.getValue()));
        task.setOnFailed(e -> notifications.error(task.getException()));
        Thread thread = new Thread(task, "console-action");
        thread.setDaemon(true);
        thread.start();
    }
}
