package io.kafmirror.kfs.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where SDK errors of an {@link S3SegmentStore} become store errors, so that callers
 * never see an SDK exception and every message names the server and says what to check.
 */
final class S3ExceptionTranslator {

    private static final Set<String> BAD_CREDENTIALS = Set.of(
            "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "InvalidSecurity");
    private static final Set<String> WRONG_REGION = Set.of("PermanentRedirect", "AuthorizationHeaderMalformed");

    private final String location;
    private final String server;

    S3ExceptionTranslator(String location, String server) {
        this.location = location;
        this.server = server;
    }

    /**
     * Whether {@code e} answers a retention, legal hold or Object Lock configuration query with "there is
     * none": AWS says 404 NoSuchObjectLockConfiguration or ObjectLockConfigurationNotFoundError, S3Mock 404
     * NotFound, and a bucket without Object Lock 400 InvalidRequest.
     */
    static boolean meansNoLockConfiguration(SdkException e) {
        if (!(e instanceof AwsServiceException service)) {
            return false;
        }
        String code = codeOf(service);
        return code.equals("InvalidRequest")
                || service.statusCode() == 404 && !code.equals("NoSuchKey") && !code.equals("NoSuchBucket");
    }

    /** The store error for {@code e}, raised while working on {@code key}. */
    StoreException translate(SdkException e, String key) {
        return translate(e, key, false);
    }

    /**
     * Like {@link #translate}, for a delete or retention change: there S3 answers a refusal by Object Lock
     * with 403 AccessDenied, which becomes {@link ObjectLockedException}.
     */
    StoreException translateLockable(SdkException e, String key) {
        return translate(e, key, true);
    }

    private StoreException translate(SdkException e, String key, boolean lockable) {
        if (e instanceof AwsServiceException service) {
            return translateService(service, key, lockable);
        }
        if (hasCause(e, UncheckedIOException.class)) {
            return new StoreException("Cannot read the content to store as '" + key + "': " + e.getMessage(), e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || hasCause(e, IOException.class)) {
            return new StoreUnavailableException("Cannot reach " + server + ": " + rootMessage(e)
                    + ". Check the endpoint URL and port, that the server is running, and that no firewall or"
                    + " proxy blocks the connection.", e);
        }
        return new StoreException("S3 request for '" + key + "' in " + location + " at " + server + " failed: "
                + e.getMessage(), e);
    }

    private StoreException translateService(AwsServiceException e, String key, boolean lockable) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = codeOf(e);
        String said = "HTTP " + e.statusCode() + (code.isEmpty() ? "" : " " + code)
                + (details == null || details.errorMessage() == null ? "" : ": " + details.errorMessage());
        int status = e.statusCode();
        if (code.equals("NoSuchBucket")) {
            return new StoreException("The bucket does not exist at " + server + " (" + said + "). Create it with"
                    + " versioning and Object Lock enabled, or fix the bucket name.", e);
        }
        if (BAD_CREDENTIALS.contains(code)) {
            return new StoreUnavailableException(server + " rejected the credentials (" + said + "). Check the"
                    + " access key id and secret key kaf-mirror uses.", e);
        }
        if (WRONG_REGION.contains(code) || status == 301) {
            return new StoreException("The bucket is not in the region this store signs for, at " + server + " ("
                    + said + "). Set the bucket's region in the store config.", e);
        }
        if (status == 404) {
            return new KeyNotFoundException(location, key);
        }
        if (status == 412 || status == 304 || code.equals("ConditionalRequestConflict")) {
            // Our only conditional requests are creates with If-None-Match: *, so each of these means "taken":
            // 304 is what S3Mock answers on CompleteMultipartUpload, and 409 ConditionalRequestConflict is
            // AWS saying another create of this key is in flight. Either way this writer is fenced.
            return new KeyAlreadyExistsException(location, key);
        }
        if (status == 403 && lockable) {
            return new ObjectLockedException(location, key, "the server refused (" + said + ")", e);
        }
        if (status == 403) {
            // HEAD answers carry no error code, so wrong credentials can also end up here.
            return new StoreException("Access denied to '" + key + "' in " + location + " at " + server + " (" + said
                    + "). Check the credentials kaf-mirror uses and that they have S3 permissions on this bucket.", e);
        }
        if (status >= 500 || status == 429 || code.equals("SlowDown")) {
            return new StoreUnavailableException(server + " is failing (" + said + "). Retry later and check the"
                    + " server's health.", e);
        }
        return new StoreException("S3 refused the request for '" + key + "' in " + location + " at " + server + " ("
                + said + ").", e);
    }

    private static String codeOf(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        return details == null || details.errorCode() == null ? "" : details.errorCode();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.toString();
    }
}
