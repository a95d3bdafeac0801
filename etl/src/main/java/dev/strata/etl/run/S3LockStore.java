package dev.strata.etl.run;

import dev.strata.etl.ServiceFailure;
import dev.strata.etl.UserError;
import dev.strata.etl.lake.S3Clients;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A lock object in S3, made exclusive by S3's conditional writes: it is created with
 * {@code PutObject If-None-Match: *}, which S3 refuses with 412 Precondition Failed when the key exists, so of
 * two runs racing for it exactly one succeeds (a plain put, as S3A's {@code create(path, false)} makes, lets
 * both succeed). A stale lock is taken over with {@code PutObject If-Match: <its ETag>}, so of two runs taking
 * it over only one succeeds too. Both conditions are S3's documented conditional writes, which moto's server
 * implements as well. Release is a plain delete of the lock this run holds.
 */
final class S3LockStore implements LockStore {

    /** Answers that mean another conditional write won: the lock is someone else's. */
    private static final int PRECONDITION_FAILED = 412;
    private static final int CONFLICT = 409;
    private static final Set<String> BAD_CREDENTIALS = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "ExpiredToken", "InvalidToken", "TokenRefreshRequired");

    private final String location;
    private final String bucket;
    private final String key;
    private final S3Client s3;

    private S3LockStore(String location, String bucket, String key, S3Client s3) {
        this.location = location;
        this.bucket = bucket;
        this.key = key;
        this.s3 = s3;
    }

    /** The lock at {@code s3a://bucket/key} (or {@code s3://}), reached with the S3A settings of {@code conf}. */
    static S3LockStore at(String location, Configuration conf) {
        Objects.requireNonNull(location, "location is null");
        URI uri = URI.create(location.replace(" ", "%20"));
        String bucket = uri.getHost() != null ? uri.getHost() : uri.getAuthority();
        String key = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/+", "");
        if (bucket == null || bucket.isBlank() || key.isBlank()) {
            throw new UserError("the lake " + location + " does not name a bucket and a key (s3a://bucket/prefix)");
        }
        return new S3LockStore(location, bucket, key, S3Clients.forBucket(conf, bucket));
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public boolean create(String owner) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*").contentType("text/plain"),
                    RequestBody.fromString(owner, StandardCharsets.UTF_8));
            return true;
        } catch (AwsServiceException e) {
            if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == CONFLICT) {
                return false;
            }
            throw failure("PutObject", e);
        } catch (SdkException e) {
            throw failure("PutObject", e);
        }
    }

    @Override
    public Optional<Held> read() {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(new Held(object.asUtf8String().trim(), object.response().eTag()));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(code(e))) {
                return Optional.empty();
            }
            throw failure("GetObject", e);
        } catch (SdkException e) {
            throw failure("GetObject", e);
        }
    }

    @Override
    public boolean replace(Held stale, String owner) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).ifMatch(stale.version()).contentType("text/plain"),
                    RequestBody.fromString(owner, StandardCharsets.UTF_8));
            return true;
        } catch (AwsServiceException e) {
            // 412: replaced or released and taken meanwhile; 404: released meanwhile; 409: another run's write
            if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == CONFLICT
                    || (e.statusCode() == 404 && !"NoSuchBucket".equals(code(e)))) {
                return false;
            }
            throw failure("PutObject", e);
        } catch (SdkException e) {
            throw failure("PutObject", e);
        }
    }

    @Override
    public void delete() {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("DeleteObject", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "HTTP " + e.statusCode()
                : e.awsErrorDetails().errorCode();
    }

    /** One line that says what failed and what to check; never a credential. */
    private RuntimeException failure(String operation, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = code(service);
            if ("NoSuchBucket".equals(code)) {
                return new UserError("the lake's bucket '" + bucket + "' does not exist (" + location + ")");
            }
            if (BAD_CREDENTIALS.contains(code)) {
                return new ServiceFailure("S3 refused the credentials for " + operation + " on " + location
                        + ": check the AWS credentials (fs.s3a.access.key and secret.key, AWS_* variables or the role) "
                        + "and the clock (" + code + ")", e);
            }
            if (service.statusCode() == 403) {
                return new ServiceFailure("S3 denied " + operation + " on " + location + ": the credentials need "
                        + "s3:GetObject, s3:PutObject and s3:DeleteObject on the lake's prefix (" + code + ")", e);
            }
            return new ServiceFailure("S3 " + operation + " on " + location + " failed: " + code + " ("
                    + ServiceFailure.detail(e) + ")", e);
        }
        if (e instanceof SdkClientException) {
            return new ServiceFailure("cannot reach S3 for " + operation + " on " + location
                    + ": check --s3-endpoint, --s3-region, the credentials and the network (" + ServiceFailure.detail(e)
                    + ")", e);
        }
        return new ServiceFailure("S3 " + operation + " on " + location + " failed: " + ServiceFailure.detail(e), e);
    }
}
