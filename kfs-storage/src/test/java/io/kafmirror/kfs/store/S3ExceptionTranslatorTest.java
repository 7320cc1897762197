package io.kafmirror.kfs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The SDK-to-store error mapping, fed the exceptions the SDK raises. S3Mock accepts any credentials, so
 * this is where rejected credentials are covered.
 */
class S3ExceptionTranslatorTest {

    private static final String SERVER = "S3 endpoint http://127.0.0.1:9 (bucket 'b')";

    private final S3ExceptionTranslator translator = new S3ExceptionTranslator("s3://b/p/", SERVER);

    @ParameterizedTest
    @ValueSource(strings = {"InvalidAccessKeyId", "SignatureDoesNotMatch"})
    void rejectedCredentialsMakeTheStoreUnavailableAndSaySo(String code) {
        StoreException e = translator.translate(s3Error(403, code), "k");

        assertThat(e).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("rejected the credentials")
                .hasMessageContaining(SERVER);
    }

    @Test
    void missingKeyIsNotFound() {
        assertThat(translator.translate(s3Error(404, "NoSuchKey"), "k")).isInstanceOf(KeyNotFoundException.class);
        assertThat(translator.translate(s3Error(404, null), "k")).isInstanceOf(KeyNotFoundException.class);
    }

    @Test
    void missingBucketSaysTheBucketDoesNotExist() {
        assertThat(translator.translate(s3Error(404, "NoSuchBucket"), "k"))
                .isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining("bucket does not exist")
                .hasMessageContaining(SERVER);
    }

    @Test
    void failedPreconditionFencesTheWriter() {
        assertThat(translator.translate(s3Error(412, "PreconditionFailed"), "k"))
                .isInstanceOf(KeyAlreadyExistsException.class);
        assertThat(translator.translate(s3Error(409, "ConditionalRequestConflict"), "k"))
                .isInstanceOf(KeyAlreadyExistsException.class);
    }

    @Test
    void accessDeniedIsObjectLockOnlyForDeletesAndRetentionChanges() {
        assertThat(translator.translateLockable(s3Error(403, "AccessDenied"), "k"))
                .isInstanceOf(ObjectLockedException.class);
        assertThat(translator.translate(s3Error(403, "AccessDenied"), "k"))
                .isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining("Access denied");
    }

    @Test
    void serverErrorsAndThrottlingMakeTheStoreUnavailable() {
        assertThat(translator.translate(s3Error(503, "SlowDown"), "k")).isInstanceOf(StoreUnavailableException.class);
        assertThat(translator.translate(s3Error(500, "InternalError"), "k"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(SERVER);
    }

    @Test
    void refusedConnectionNamesTheServerAndWhatToCheck() {
        SdkException refused = SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused"));

        assertThat(translator.translate(refused, "k"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(SERVER)
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("Check the endpoint");
    }

    @Test
    void lockQueriesRecogniseEveryServersWayOfSayingNone() {
        assertThat(S3ExceptionTranslator.meansNoLockConfiguration(s3Error(404, "NoSuchObjectLockConfiguration")))
                .isTrue();
        assertThat(S3ExceptionTranslator.meansNoLockConfiguration(s3Error(404, "NotFound"))).isTrue();
        assertThat(S3ExceptionTranslator.meansNoLockConfiguration(s3Error(400, "InvalidRequest"))).isTrue();
        assertThat(S3ExceptionTranslator.meansNoLockConfiguration(s3Error(404, "NoSuchKey"))).isFalse();
        assertThat(S3ExceptionTranslator.meansNoLockConfiguration(s3Error(404, "NoSuchBucket"))).isFalse();
    }

    private static S3Exception s3Error(int status, String code) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("said the server").build())
                .build();
    }
}
