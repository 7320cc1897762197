package io.kafmirror.kfs.store;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Finds every version of one key, delete markers included, so that a delete can remove the data itself
 * rather than hide it. An unversioned bucket reports its single version under the id {@code "null"}.
 */
final class S3KeyVersions {

    private final S3Client client;
    private final String bucket;

    S3KeyVersions(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** Version ids of exactly {@code objectKey} (not of longer keys sharing the prefix), data versions newest first. */
    List<String> newestFirst(String objectKey) {
        List<String> data = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        for (ListObjectVersionsResponse page
                : client.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(objectKey))) {
            for (ObjectVersion version : page.versions()) {
                if (version.key().equals(objectKey)) {
                    data.add(version.versionId());
                }
            }
            for (DeleteMarkerEntry marker : page.deleteMarkers()) {
                if (marker.key().equals(objectKey)) {
                    markers.add(marker.versionId());
                }
            }
        }
        data.addAll(markers);
        return data;
    }
}
