package dev.strata.catalog.glue;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;

/**
 * Builds the Glue clients Strata uses. Calls are retried with exponential backoff and jitter (the SDK's
 * standard retry mode) only when Glue throttles, answers 5xx or the connection fails; access denied,
 * missing entities and invalid input fail at once. The number of attempts is bounded. Calls go through the
 * JDK's URL connection client, named here rather than found on the class path, so the Spark jar needs no
 * other HTTP client.
 */
public final class GlueClients {

    /** Attempts per call, the first one included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    private GlueClients() {
    }

    /**
     * A client with the default credentials chain (environment, profile, container or instance role).
     *
     * @param endpoint another endpoint than AWS's, for a test server or a VPC endpoint
     * @param region the region; without it the SDK's default region chain decides
     */
    public static GlueClient create(Optional<URI> endpoint, Optional<String> region) {
        return create(endpoint, region, DefaultCredentialsProvider.builder().build());
    }

    /** A client with the given credentials, for tests and for callers that assume a role themselves. */
    public static GlueClient create(Optional<URI> endpoint, Optional<String> region,
            AwsCredentialsProvider credentials) {
        return create(endpoint, region, credentials, DEFAULT_MAX_ATTEMPTS, List.of());
    }

    /** A client with every setting given; interceptors see each call (metrics, tests). */
    public static GlueClient create(Optional<URI> endpoint, Optional<String> region,
            AwsCredentialsProvider credentials, int maxAttempts, List<ExecutionInterceptor> interceptors) {
        Objects.requireNonNull(endpoint, "endpoint is null");
        Objects.requireNonNull(region, "region is null");
        Objects.requireNonNull(credentials, "credentials is null");
        Objects.requireNonNull(interceptors, "interceptors is null");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 20, cannot be: " + maxAttempts);
        }
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build());
        interceptors.forEach(interceptor -> overrides.addExecutionInterceptor(
                Objects.requireNonNull(interceptor, "interceptor is null")));
        GlueClientBuilder builder = GlueClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides.build());
        endpoint.ifPresent(builder::endpointOverride);
        region.ifPresent(name -> {
            if (name.isBlank()) {
                throw new IllegalArgumentException("region cannot be blank");
            }
            builder.region(Region.of(name));
        });
        return builder.build();
    }
}
