package dev.strata.etl.cli;

import dev.strata.catalog.glue.GlueClients;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The AWS clients one command uses, made when first needed with the default credentials chain and the
 * endpoint and region the command line gives, and closed with the command. They use the JDK's URL connection
 * client, the only HTTP client the Spark jar carries for the SDK.
 */
final class AwsServices implements AutoCloseable {

    private final Optional<URI> endpoint;
    private final Optional<String> region;
    private GlueClient glue;
    private SnsClient sns;

    AwsServices(Optional<URI> endpoint, Optional<String> region) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint is null");
        this.region = Objects.requireNonNull(region, "region is null");
    }

    static AwsServices of(PublishOptions options) {
        return new AwsServices(options.awsEndpoint(), options.awsRegion());
    }

    GlueClient glue() {
        if (glue == null) {
            glue = GlueClients.create(endpoint, region);
        }
        return glue;
    }

    SnsClient sns() {
        if (sns == null) {
            var builder = SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
            endpoint.ifPresent(builder::endpointOverride);
            region.map(Region::of).ifPresent(builder::region);
            sns = builder.build();
        }
        return sns;
    }

    @Override
    public void close() {
        if (glue != null) {
            glue.close();
            glue = null;
        }
        if (sns != null) {
            sns.close();
            sns = null;
        }
    }
}
