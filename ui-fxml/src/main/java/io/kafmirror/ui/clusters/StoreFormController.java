package io.kafmirror.ui.clusters;

import io.kafmirror.kfs.store.S3Encryption;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;

/** Binds StoreForm.fxml to the {@link StoreForm} shown; no logic of its own. */
public final class StoreFormController {

    @FXML private TextField name;
    @FXML private ComboBox<StoreForm.Type> type;
    @FXML private Pane localPane;
    @FXML private Pane s3Pane;
    @FXML private TextField path;
    @FXML private TextField bucket;
    @FXML private TextField region;
    @FXML private TextField endpoint;
    @FXML private ComboBox<StoreForm.Addressing> addressing;
    @FXML private SecretField accessKey;
    @FXML private SecretField secretKey;
    @FXML private TextField keyPrefix;
    @FXML private ComboBox<S3Encryption.Mode> encryption;
    @FXML private TextField kmsKeyId;
    @FXML private TextField multipartThreshold;
    @FXML private TextField partSize;
    @FXML private TextField uploadParallelism;
    @FXML private TextField connectTimeout;
    @FXML private TextField socketTimeout;
    @FXML private TextField maxAttempts;
    @FXML private Label nameNote;
    @FXML private Label pathNote;
    @FXML private Label bucketNote;
    @FXML private Label regionNote;
    @FXML private Label endpointNote;
    @FXML private Label accessKeyNote;
    @FXML private Label secretKeyNote;
    @FXML private Label kmsKeyIdNote;
    @FXML private Label multipartThresholdNote;
    @FXML private Label partSizeNote;
    @FXML private Label uploadParallelismNote;
    @FXML private Label connectTimeoutNote;
    @FXML private Label socketTimeoutNote;
    @FXML private Label maxAttemptsNote;
    @FXML private Label generalNote;

    private final FieldBindings<StoreForm> bindings = new FieldBindings<>();

    @FXML
    private void initialize() {
        type.getItems().setAll(StoreForm.Type.values());
        type.setConverter(new ChoiceNames<>("", t -> t == StoreForm.Type.LOCAL ? "Local folder" : "S3 bucket"));
        addressing.getItems().setAll(StoreForm.Addressing.values());
        addressing.setConverter(new ChoiceNames<>("", a -> switch (a) {
            case AUTOMATIC -> "Automatic (path style with an endpoint)";
            case PATH -> "Path style (host/bucket/key)";
            case VIRTUAL_HOST -> "Virtual host (bucket.host/key)";
        }));
        encryption.getItems().setAll(S3Encryption.Mode.values());
        encryption.setConverter(new ChoiceNames<>("", m -> switch (m) {
            case NONE -> "None (the bucket's default applies)";
            case SSE_S3 -> "SSE-S3";
            case SSE_KMS -> "SSE-KMS";
        }));

        bindings.link(name.textProperty(), EntryForm::nameProperty);
        bindings.link(type.valueProperty(), StoreForm::typeProperty);
        bindings.link(path.textProperty(), StoreForm::pathProperty);
        bindings.link(bucket.textProperty(), StoreForm::bucketProperty);
        bindings.link(region.textProperty(), StoreForm::regionProperty);
        bindings.link(endpoint.textProperty(), StoreForm::endpointProperty);
        bindings.link(addressing.valueProperty(), StoreForm::addressingProperty);
        bindings.link(accessKey.textProperty(), StoreForm::accessKeyProperty);
        bindings.link(secretKey.textProperty(), StoreForm::secretKeyProperty);
        bindings.link(keyPrefix.textProperty(), StoreForm::keyPrefixProperty);
        bindings.link(encryption.valueProperty(), StoreForm::encryptionProperty);
        bindings.link(kmsKeyId.textProperty(), StoreForm::kmsKeyIdProperty);
        bindings.link(multipartThreshold.textProperty(), StoreForm::multipartThresholdProperty);
        bindings.link(partSize.textProperty(), StoreForm::partSizeProperty);
        bindings.link(uploadParallelism.textProperty(), StoreForm::uploadParallelismProperty);
        bindings.link(connectTimeout.textProperty(), StoreForm::connectTimeoutProperty);
        bindings.link(socketTimeout.textProperty(), StoreForm::socketTimeoutProperty);
        bindings.link(maxAttempts.textProperty(), StoreForm::maxAttemptsProperty);

        bindings.note(nameNote, f -> f.noteProperty(EntryForm.NAME));
        bindings.note(pathNote, f -> f.noteProperty(StoreForm.PATH));
        bindings.note(bucketNote, f -> f.noteProperty(StoreForm.BUCKET));
        bindings.note(regionNote, f -> f.noteProperty(StoreForm.REGION));
        bindings.note(endpointNote, f -> f.noteProperty(StoreForm.ENDPOINT));
        bindings.note(accessKeyNote, f -> f.noteProperty(StoreForm.ACCESS_KEY));
        bindings.note(secretKeyNote, f -> f.noteProperty(StoreForm.SECRET_KEY));
        bindings.note(kmsKeyIdNote, f -> f.noteProperty(StoreForm.KMS_KEY_ID));
        bindings.note(multipartThresholdNote, f -> f.noteProperty(StoreForm.MULTIPART_THRESHOLD));
        bindings.note(partSizeNote, f -> f.noteProperty(StoreForm.PART_SIZE));
        bindings.note(uploadParallelismNote, f -> f.noteProperty(StoreForm.UPLOAD_PARALLELISM));
        bindings.note(connectTimeoutNote, f -> f.noteProperty(StoreForm.CONNECT_TIMEOUT));
        bindings.note(socketTimeoutNote, f -> f.noteProperty(StoreForm.SOCKET_TIMEOUT));
        bindings.note(maxAttemptsNote, f -> f.noteProperty(StoreForm.MAX_ATTEMPTS));
        bindings.note(generalNote, f -> f.noteProperty(EntryForm.GENERAL));

        // Only the kind's own settings are shown (and take part in tab order); the other kind's wait.
        localPane.visibleProperty().bind(type.valueProperty().isEqualTo(StoreForm.Type.LOCAL));
        localPane.managedProperty().bind(localPane.visibleProperty());
        s3Pane.visibleProperty().bind(type.valueProperty().isEqualTo(StoreForm.Type.S3));
        s3Pane.managedProperty().bind(s3Pane.visibleProperty());
        kmsKeyId.disableProperty().bind(encryption.valueProperty().isNotEqualTo(S3Encryption.Mode.SSE_KMS));
    }

    /** Shows {@code form} in the fields; {@code null} shows none. */
    void show(StoreForm form) {
        bindings.show(form);
    }

    /** Puts the caret in the name field, for a new entry. */
    void focusName() {
        name.requestFocus();
        name.selectAll();
    }
}
