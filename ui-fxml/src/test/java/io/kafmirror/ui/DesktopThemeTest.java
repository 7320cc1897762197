package io.kafmirror.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DesktopThemeTest {

    static Function<List<String>, Optional<String>> gsettings(String colorScheme, String gtkTheme) {
        return command -> Optional.ofNullable(command.get(command.size() - 1).equals("color-scheme") ? colorScheme : gtkTheme);
    }

    @Test
    void gnomePreferringDarkGivesDark() {
        assertThat(new DesktopTheme("Linux", Map.of(), gsettings("'prefer-dark'", "'Adwaita'")).detect()).isEqualTo(Theme.DARK);
        assertThat(new DesktopTheme("Linux", Map.of(), gsettings("'default'", "'Adwaita'")).detect()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void anOlderDesktopWithADarkGtkThemeGivesDark() {
        assertThat(new DesktopTheme("Linux", Map.of(), gsettings(null, "'Adwaita-dark'")).detect()).isEqualTo(Theme.DARK);
        assertThat(new DesktopTheme("Linux", Map.of("GTK_THEME", "Arc-Dark:dark"), gsettings(null, null)).detect())
                .isEqualTo(Theme.DARK);
    }

    @Test
    void withoutGsettingsOrOffLinuxItIsLight() {
        assertThat(new DesktopTheme("Linux", Map.of(), command -> Optional.empty()).detect()).isEqualTo(Theme.LIGHT);
        assertThat(new DesktopTheme("Mac OS X", Map.of("GTK_THEME", "dark"), gsettings("'prefer-dark'", null)).detect())
                .isEqualTo(Theme.LIGHT);
    }

    @Test
    void thisMachineAnswersWithoutFailing() {
        assertThat(DesktopTheme.ofThisMachine().detect()).isNotNull();
    }
}
