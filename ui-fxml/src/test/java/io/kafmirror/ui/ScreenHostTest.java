package io.kafmirror.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** How a screen's controller gets built when its FXML is plugged in. */
@ExtendWith(ApplicationExtension.class)
class ScreenHostTest {

    final ConsoleContext context = new ConsoleContext(Path.of("config.yml"), Path.of("data"), new Notifications());
    final ScreenHost host = new ScreenHost(context);

    /** A controller that wants the console's context. */
    public static final class WithContext {
        final ConsoleContext given;

        public WithContext(ConsoleContext given) {
            this.given = given;
        }
    }

    /** A controller that needs nothing. */
    public static final class Plain {
    }

    /** A controller the console cannot build. */
    public static final class NeedsSomethingElse {
        public NeedsSomethingElse(String what) {
        }
    }

    @Test
    void aHeldHostShowsAPlaceholderOfTheLastScreenAskedForAndBuildsItOnlyWhenOpened(@TempDir Path folder) {
        ScreenHost held = ScreenHost.held(new ConsoleContext(folder.resolve("config.yml"), folder.resolve("data"),
                new Notifications()));

        Node waiting = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            held.show(Screen.JOBS);
            held.show(Screen.CLUSTERS);
            return shown(held);
        });
        assertThat(waiting.getStyleClass()).contains("screen-placeholder");
        assertThat(waiting.lookup("#addCluster")).isNull();

        Node opened = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            held.open();
            return shown(held);
        });
        assertThat(opened.getStyleClass()).as("the Clusters screen itself").containsExactly("clusters-view");
    }

    private static Node shown(ScreenHost host) {
        return ((Parent) host.area()).getChildrenUnmodifiable().get(0);
    }

    @Test
    void aControllerTakingTheContextGetsItAndOneWithoutIsBuiltPlain() {
        assertThat(((WithContext) host.controller(WithContext.class)).given).isSameAs(context);
        assertThat(host.controller(Plain.class)).isInstanceOf(Plain.class);
        assertThatThrownBy(() -> host.controller(NeedsSomethingElse.class))
                .hasMessageContaining("needs a public constructor taking a ConsoleContext, or none");
    }
}
