package dev.strata.etl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.etl.UserError;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {

    private static final Map<String, String> S3 = Map.of(
            "spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:5000",
            "spark.hadoop.fs.s3a.path.style.access", "true",
            "spark.hadoop.fs.s3a.endpoint.region", "eu-west-1",
            "spark.hadoop.fs.s3a.secret.key", "the-secret");

    @Test
    void theHadoopConfigurationBeforeTheSessionHoldsTheSessionsS3Settings() {
        SessionSettings settings = SessionSettings.of(Sessions.Environment.LOCAL, S3);
        Configuration before = settings.hadoopConf("test");
        assertThat(before.get("fs.s3a.endpoint")).isEqualTo("http://127.0.0.1:5000");
        assertThat(before.get("fs.s3a.path.style.access")).isEqualTo("true");
        assertThat(before.get("fs.s3a.endpoint.region")).isEqualTo("eu-west-1");
        assertThat(before.get("fs.s3a.secret.key")).isEqualTo("the-secret");
        SparkConf spark = settings.sparkConf("test");
        assertThat(spark.get("spark.hadoop.fs.s3a.endpoint")).isEqualTo("http://127.0.0.1:5000");
        assertThat(spark.get("spark.master")).isEqualTo("local[*]");
    }

    @Test
    void planDescriptionsArePlainOnlyWhenNothingShowsThem() {
        SparkConf headless = SessionSettings.of(Sessions.Environment.LOCAL, Map.of()).sparkConf("test");
        assertThat(headless.get("spark.sql.ui.explainMode")).isEqualTo("simple");
        for (Map<String, String> shown : java.util.List.of(Map.of("spark.ui.enabled", "true"),
                Map.of("spark.eventLog.enabled", "true"))) {
            assertThat(SessionSettings.of(Sessions.Environment.LOCAL, shown).sparkConf("test")
                    .contains("spark.sql.ui.explainMode")).as(shown.toString()).isFalse();
        }
        assertThat(SessionSettings.of(Sessions.Environment.LOCAL, Map.of("spark.sql.ui.explainMode", "extended"))
                .sparkConf("test").get("spark.sql.ui.explainMode")).isEqualTo("extended");
    }

    @Test
    void theSessionsHadoopConfigurationHasTheSameSettings() {
        var spark = EngineTestSession.get();
        // the test session is made by the same function; its Hadoop configuration is derived from its SparkConf
        Configuration session = spark.sparkContext().hadoopConfiguration();
        Configuration before = SessionSettings.of(Sessions.Environment.LOCAL, Map.of(
                "spark.master", "local[2]", "spark.sql.shuffle.partitions", "2", "spark.default.parallelism", "2"))
                .hadoopConf("strata-etl-tests");
        for (String key : new String[] {"fs.s3a.aws.credentials.provider", "fs.s3a.endpoint", "fs.defaultFS",
                "io.file.buffer.size"}) {
            assertThat(before.get(key)).as(key).isEqualTo(session.get(key));
        }
    }

    @Test
    void credentialsAreMaskedInWhatIsShown() {
        SessionSettings settings = SessionSettings.of(Sessions.Environment.LOCAL, Map.of(
                "spark.hadoop.fs.s3a.access.key", "AKIAEXAMPLE",
                "spark.hadoop.fs.s3n.awsAccessKeyId", "AKIAEXAMPLE2",
                "spark.hadoop.fs.s3a.secret.key", "s3cr3t",
                "spark.hadoop.fs.s3a.session.token", "tok",
                "spark.hadoop.fs.s3a.bucket.b.secret.key", "s3cr3t2",
                "spark.strata.pii.salt", "pepper",
                "spark.hadoop.javax.jdo.option.ConnectionPassword", "pw",
                "spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:5000"));
        assertThat(settings.masked()).containsExactly(
                Map.entry("spark.hadoop.fs.s3a.access.key", "*****"),
                Map.entry("spark.hadoop.fs.s3a.bucket.b.secret.key", "*****"),
                Map.entry("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:5000"),
                Map.entry("spark.hadoop.fs.s3a.secret.key", "*****"),
                Map.entry("spark.hadoop.fs.s3a.session.token", "*****"),
                Map.entry("spark.hadoop.fs.s3n.awsAccessKeyId", "*****"),
                Map.entry("spark.hadoop.javax.jdo.option.ConnectionPassword", "*****"),
                Map.entry("spark.strata.pii.salt", "*****"));
        assertThat(settings.conf()).containsEntry("spark.hadoop.fs.s3a.secret.key", "s3cr3t");
    }

    @Test
    void deltaLogStoreSettingsPassThroughUntouched() {
        Map<String, String> conf = Map.of(
                "spark.delta.logStore.s3a.impl", "io.delta.storage.S3SingleDriverLogStore",
                "spark.io.delta.storage.S3DynamoDBLogStore.ddb.tableName", "delta_log",
                "spark.io.delta.storage.S3DynamoDBLogStore.ddb.region", "eu-west-1");
        SparkConf spark = SessionSettings.of(Sessions.Environment.LOCAL, conf).sparkConf("test");
        conf.forEach((key, value) -> assertThat(spark.get(key)).as(key).isEqualTo(value));
    }

    @Test
    void aLogStoreWhoseClassIsMissingFailsFast() {
        SessionSettings settings = SessionSettings.of(Sessions.Environment.LOCAL, Map.of(
                "spark.delta.logStore.s3a.impl", "io.delta.storage.S3DynamoDBLogStore"));
        assertThatThrownBy(() -> settings.hadoopConf("test"))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("spark.delta.logStore.s3a.impl names io.delta.storage.S3DynamoDBLogStore, "
                        + "which is not on the class path: add the delta-storage-s3-dynamodb jar");
    }

    @Test
    void underAwsTheDefaultCredentialsChainFollowsKeysGivenInTheConfiguration() {
        SparkConf spark = SessionSettings.of(Sessions.Environment.AWS, Map.of("spark.master", "local[1]"))
                .sparkConf("test");
        assertThat(spark.get("spark.hadoop.fs.s3a.aws.credentials.provider")).isEqualTo(
                "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider,"
                        + "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider,"
                        + "com.amazonaws.auth.DefaultAWSCredentialsProviderChain");
        SparkConf chosen = SessionSettings.of(Sessions.Environment.AWS, Map.of("spark.master", "local[1]",
                "spark.hadoop.fs.s3a.aws.credentials.provider", "com.example.Mine")).sparkConf("test");
        assertThat(chosen.get("spark.hadoop.fs.s3a.aws.credentials.provider")).isEqualTo("com.example.Mine");
        assertThat(SessionSettings.of(Sessions.Environment.LOCAL, Map.of()).sparkConf("test")
                .contains("spark.hadoop.fs.s3a.aws.credentials.provider")).isFalse();
    }

    @Test
    void underAwsCheckpointsAreReliableUnlessSetOtherwise() {
        SparkConf aws = SessionSettings.of(Sessions.Environment.AWS, Map.of("spark.master", "local[1]"))
                .sparkConf("test");
        assertThat(aws.get(dev.strata.transforms.spark.Checkpoints.RELIABLE)).isEqualTo("true");
        assertThat(aws.get("spark.cleaner.referenceTracking.cleanCheckpoints")).isEqualTo("true");
        assertThat(SessionSettings.of(Sessions.Environment.AWS, Map.of("spark.master", "local[1]",
                dev.strata.transforms.spark.Checkpoints.RELIABLE, "false")).sparkConf("test")
                .get(dev.strata.transforms.spark.Checkpoints.RELIABLE)).isEqualTo("false");
        assertThat(SessionSettings.of(Sessions.Environment.LOCAL, Map.of()).sparkConf("test")
                .contains(dev.strata.transforms.spark.Checkpoints.RELIABLE)).isFalse();
    }

    @Test
    void awsWithoutSparkSubmitIsAUserMistake() {
        assertThatThrownBy(() -> SessionSettings.of(Sessions.Environment.AWS, Map.of()).sparkConf("test"))
                .isInstanceOf(UserError.class).hasMessageContaining("--env aws expects to run under spark-submit");
    }
}
