package dev.strata.etl.lake;

import dev.strata.etl.ServiceFailure;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * AWS SDK clients for the few S3 calls Hadoop's S3A cannot make (a conditional put), configured from the same
 * S3A settings of the command's Hadoop configuration, so they reach the same store as the lake's file system:
 * {@code fs.s3a.endpoint}, {@code fs.s3a.endpoint.region}, {@code fs.s3a.path.style.access},
 * {@code fs.s3a.connection.ssl.enabled}, the keys {@code fs.s3a.access.key}, {@code fs.s3a.secret.key} and
 * {@code fs.s3a.session.token} (also from Hadoop credential providers), and per-bucket settings
 * {@code fs.s3a.bucket.<bucket>.*} over them. Without keys the SDK's default credentials chain is asked
 * (environment, system properties, web identity, profile, container and instance role).
 */
public final class S3Clients {

    private static final String PREFIX = "fs.s3a.";
    /** S3's global endpoint, where S3A's default is: the region decides then. */
    private static final String CENTRAL_ENDPOINT = "s3.amazonaws.com";
    /** The region an endpoint of another store is signed for when none is set, as S3A does. */
    private static final Region FALLBACK_REGION = Region.US_EAST_1;

    private S3Clients() {
    }

    /** A client for one bucket; the caller closes it. */
    public static S3Client forBucket(Configuration conf, String bucket) {
        Objects.requireNonNull(conf, "conf is null");
        Objects.requireNonNull(bucket, "bucket is null");
        Configuration settings = withBucketSettings(conf, bucket);
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.getBoolean(PREFIX + "path.style.access", false))
                // checksums only where S3 asks for them: S3-compatible stores do not all know the newer ones
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        Optional<URI> endpoint = endpoint(settings);
        endpoint.ifPresent(builder::endpointOverride);
        String region = settings.getTrimmed(PREFIX + "endpoint.region", "");
        if (!region.isEmpty()) {
            builder.region(Region.of(region));
        } else if (endpoint.isPresent()) {
            builder.region(FALLBACK_REGION);
        } else {
            builder.region(defaultRegion()).crossRegionAccessEnabled(true);
        }
        return builder.build();
    }

    /** The bucket's own settings ({@code fs.s3a.bucket.<bucket>.KEY}) in place of {@code fs.s3a.KEY}. */
    static Configuration withBucketSettings(Configuration conf, String bucket) {
        Configuration result = new Configuration(conf);
        String bucketPrefix = PREFIX + "bucket." + bucket + ".";
        for (Map.Entry<String, String> entry : conf) {
            if (entry.getKey().startsWith(bucketPrefix) && entry.getKey().length() > bucketPrefix.length()) {
                result.set(PREFIX + entry.getKey().substring(bucketPrefix.length()), entry.getValue());
            }
        }
        return result;
    }

    static Optional<URI> endpoint(Configuration settings) {
        String endpoint = settings.getTrimmed(PREFIX + "endpoint", "");
        if (endpoint.isEmpty() || endpoint.equalsIgnoreCase(CENTRAL_ENDPOINT)) {
            return Optional.empty();
        }
        if (!endpoint.contains("://")) {
            endpoint = (settings.getBoolean(PREFIX + "connection.ssl.enabled", true) ? "https://" : "http://")
                    + endpoint;
        }
        return Optional.of(URI.create(endpoint));
    }

    private static AwsCredentialsProvider credentials(Configuration settings) {
        String accessKey = password(settings, "access.key");
        String secretKey = password(settings, "secret.key");
        if (accessKey != null && secretKey != null) {
            String token = password(settings, "session.token");
            return StaticCredentialsProvider.create(token != null
                    ? AwsSessionCredentials.create(accessKey, secretKey, token)
                    : AwsBasicCredentials.create(accessKey, secretKey));
        }
        if (settings.getTrimmed(PREFIX + "aws.credentials.provider", "").toLowerCase(Locale.ROOT)
                .contains("anonymous")) {
            return AnonymousCredentialsProvider.create();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static String password(Configuration settings, String key) {
        try {
            char[] value = settings.getPassword(PREFIX + key);
            return value == null || value.length == 0 || new String(value).isBlank() ? null : new String(value).trim();
        } catch (IOException e) {
            throw new ServiceFailure("cannot read " + PREFIX + key + " from the Hadoop credential providers: "
                    + ServiceFailure.detail(e), e);
        }
    }

    private static Region defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return FALLBACK_REGION;
        }
    }
}
