package io.kafmirror.ui.clusters;

import javafx.scene.control.PasswordField;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.TextFieldSkin;

/**
 * A password field that shows a plain {@code ${VARIABLE}} reference as it is, since it is no secret and the
 * operator must see which variable is read, and masks anything else.
 */
public final class SecretField extends PasswordField {

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TextFieldSkin(this) {
            @Override
            protected String maskText(String text) {
                return EnvironmentValues.isPlainReference(text) ? text : super.maskText(text);
            }
        };
    }
}
