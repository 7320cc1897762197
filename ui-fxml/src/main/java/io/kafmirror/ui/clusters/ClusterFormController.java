package io.kafmirror.ui.clusters;

import io.kafmirror.engine.config.SaslMechanism;
import io.kafmirror.engine.config.TlsConfig.KeyStoreType;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds ClusterForm.fxml to the {@link ClusterForm} shown; no logic of its own. */
public final class ClusterFormController {

    @FXML private TextField name;
    @FXML private TextField brokers;
    @FXML private ComboBox<SaslMechanism> saslMechanism;
    @FXML private TextField saslUsername;
    @FXML private SecretField saslPassword;
    @FXML private CheckBox tlsEnabled;
    @FXML private TextField caCert;
    @FXML private CheckBox verifyHostname;
    @FXML private TextField keyStore;
    @FXML private ComboBox<KeyStoreType> keyStoreType;
    @FXML private SecretField keyStorePassword;
    @FXML private SecretField keyPassword;
    @FXML private TextArea properties;
    @FXML private Label nameNote;
    @FXML private Label brokersNote;
    @FXML private Label saslUsernameNote;
    @FXML private Label saslPasswordNote;
    @FXML private Label caCertNote;
    @FXML private Label keyStoreNote;
    @FXML private Label keyStorePasswordNote;
    @FXML private Label keyPasswordNote;
    @FXML private Label propertiesNote;
    @FXML private Label generalNote;

    private final FieldBindings<ClusterForm> bindings = new FieldBindings<>();

    @FXML
    private void initialize() {
        saslMechanism.getItems().setAll(SaslMechanism.values());
        saslMechanism.setConverter(new ChoiceNames<>("", m -> m == SaslMechanism.NONE ? "None" : m.kafkaName()));
        keyStoreType.getItems().setAll(null, KeyStoreType.PKCS12, KeyStoreType.JKS, KeyStoreType.PEM);
        keyStoreType.setConverter(new ChoiceNames<>("From the file name", Enum::name));

        bindings.link(name.textProperty(), EntryForm::nameProperty);
        bindings.link(brokers.textProperty(), ClusterForm::brokersProperty);
        bindings.link(saslMechanism.valueProperty(), ClusterForm::saslMechanismProperty);
        bindings.link(saslUsername.textProperty(), ClusterForm::saslUsernameProperty);
        bindings.link(saslPassword.textProperty(), ClusterForm::saslPasswordProperty);
        bindings.link(tlsEnabled.selectedProperty(), ClusterForm::tlsEnabledProperty);
        bindings.link(caCert.textProperty(), ClusterForm::caCertProperty);
        bindings.link(verifyHostname.selectedProperty(), ClusterForm::verifyHostnameProperty);
        bindings.link(keyStore.textProperty(), ClusterForm::keyStoreProperty);
        bindings.link(keyStoreType.valueProperty(), ClusterForm::keyStoreTypeProperty);
        bindings.link(keyStorePassword.textProperty(), ClusterForm::keyStorePasswordProperty);
        bindings.link(keyPassword.textProperty(), ClusterForm::keyPasswordProperty);
        bindings.link(properties.textProperty(), ClusterForm::propertiesProperty);

        bindings.note(nameNote, f -> f.noteProperty(EntryForm.NAME));
        bindings.note(brokersNote, f -> f.noteProperty(ClusterForm.BROKERS));
        bindings.note(saslUsernameNote, f -> f.noteProperty(ClusterForm.SASL_USERNAME));
        bindings.note(saslPasswordNote, f -> f.noteProperty(ClusterForm.SASL_PASSWORD));
        bindings.note(caCertNote, f -> f.noteProperty(ClusterForm.CA_CERT));
        bindings.note(keyStoreNote, f -> f.noteProperty(ClusterForm.KEY_STORE));
        bindings.note(keyStorePasswordNote, f -> f.noteProperty(ClusterForm.KEY_STORE_PASSWORD));
        bindings.note(keyPasswordNote, f -> f.noteProperty(ClusterForm.KEY_PASSWORD));
        bindings.note(propertiesNote, f -> f.noteProperty(ClusterForm.PROPERTIES));
        bindings.note(generalNote, f -> f.noteProperty(EntryForm.GENERAL));

        // Without a mechanism, user and password are not part of the configuration; without TLS, its settings wait.
        saslUsername.disableProperty().bind(saslMechanism.valueProperty().isEqualTo(SaslMechanism.NONE));
        saslPassword.disableProperty().bind(saslUsername.disableProperty());
        for (Node tlsField : new Node[] {caCert, verifyHostname, keyStore, keyStoreType, keyStorePassword, keyPassword}) {
            tlsField.disableProperty().bind(tlsEnabled.selectedProperty().not());
        }
    }

    /** Shows {@code form} in the fields; {@code null} shows none. */
    void show(ClusterForm form) {
        bindings.show(form);
    }

    /** Puts the caret in the name field, for a new entry. */
    void focusName() {
        name.requestFocus();
        name.selectAll();
    }
}
