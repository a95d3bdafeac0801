package dev.strata.tests;

import dev.strata.catalog.glue.GlueClients;
import dev.strata.catalog.testing.MotoServer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * moto's AWS API server (Glue, SNS, SQS, S3) on 127.0.0.1 for the end-to-end tests, the options that point the CLI
 * at it, and clients that read back what the CLI published. While open, the JVM's {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} system properties hold moto's test credentials, which the CLI's default
 * credentials chain reads first; closing restores them.
 */
final class MotoAws implements AutoCloseable {

    private static final List<String> CREDENTIALS = List.of("aws.accessKeyId", "aws.secretAccessKey");

    private final MotoServer moto;
    private final Map<String, String> previous = new HashMap<>();
    private final GlueClient glue;
    private final SnsClient sns;
    private final SqsClient sqs;
    private final S3Client s3;

    private MotoAws(MotoServer moto) {
        this.moto = moto;
        for (String property : CREDENTIALS) {
            previous.put(property, System.getProperty(property));
            System.setProperty(property, property.endsWith("Id") ? MotoServer.ACCESS_KEY : MotoServer.SECRET_KEY);
        }
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY));
        glue = GlueClients.create(Optional.of(moto.endpoint()), Optional.of(MotoServer.REGION), credentials);
        sns = SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(moto.endpoint())
                .region(Region.of(MotoServer.REGION)).credentialsProvider(credentials).build();
        sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(moto.endpoint())
                .region(Region.of(MotoServer.REGION)).credentialsProvider(credentials).build();
        s3 = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(moto.endpoint())
                .region(Region.of(MotoServer.REGION)).credentialsProvider(credentials).forcePathStyle(true).build();
    }

    /** The JVM's moto server, emptied when {@code reset}. */
    static MotoAws open(boolean reset) {
        MotoServer moto = MotoServer.shared();
        if (reset) {
            moto.reset();
        }
        return new MotoAws(moto);
    }

    /** {@code --aws-endpoint URL --aws-region us-east-1}. */
    List<String> options() {
        return List.of("--aws-endpoint", moto.endpoint().toString(), "--aws-region", MotoServer.REGION);
    }

    GlueClient glue() {
        return glue;
    }

    SnsClient sns() {
        return sns;
    }

    SqsClient sqs() {
        return sqs;
    }

    S3Client s3() {
        return s3;
    }

    /** The endpoint, as {@code --s3-endpoint} and {@code --aws-endpoint} take it. */
    String endpoint() {
        return moto.endpoint().toString();
    }

    /** The S3 options that point the CLI's s3a lake at this server. */
    List<String> s3Options() {
        return List.of("--s3-endpoint", endpoint(), "--s3-region", MotoServer.REGION, "--s3-path-style");
    }

    /** Moto's credentials as s3a settings, for a CLI run in this JVM (whose environment cannot be set). */
    static List<String> s3Credentials() {
        return List.of("--conf", "spark.hadoop.fs.s3a.access.key=" + MotoServer.ACCESS_KEY,
                "--conf", "spark.hadoop.fs.s3a.secret.key=" + MotoServer.SECRET_KEY);
    }

    /** The environment a CLI in a child JVM reads moto's credentials from, as a user's shell would hold them. */
    static Map<String, String> credentialsEnvironment() {
        return Map.of("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY,
                "AWS_REGION", MotoServer.REGION);
    }

    List<String> databases() {
        List<String> names = new ArrayList<>();
        glue.getDatabasesPaginator(r -> r.maxResults(100)).forEach(page -> page.databaseList().stream()
                .map(Database::name).forEach(names::add));
        return names.stream().sorted().toList();
    }

    /** The tables of a Glue database, by name. */
    List<Table> tables(String database) {
        List<Table> tables = new ArrayList<>();
        glue.getTablesPaginator(r -> r.databaseName(database)).forEach(page -> tables.addAll(page.tableList()));
        return tables.stream().sorted(Comparator.comparing(Table::name)).toList();
    }

    Table table(String database, String name) {
        return glue.getTable(r -> r.databaseName(database).name(name)).table();
    }

    /** The partitions of a Glue table, by their values. */
    List<Partition> partitions(String database, String table) {
        List<Partition> partitions = new ArrayList<>();
        glue.getPartitionsPaginator(r -> r.databaseName(database).tableName(table))
                .forEach(page -> partitions.addAll(page.partitions()));
        return partitions.stream().sorted(Comparator.comparing(p -> String.join("/", p.values()))).toList();
    }

    @Override
    public void close() {
        glue.close();
        sns.close();
        sqs.close();
        s3.close();
        previous.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }
}
