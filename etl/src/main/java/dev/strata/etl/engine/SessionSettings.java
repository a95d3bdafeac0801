package dev.strata.etl.engine;

import dev.strata.etl.SecretSettings;
import dev.strata.etl.UserError;
import dev.strata.transforms.spark.Checkpoints;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.internal.SQLConf;

/**
 * The settings of one command, turned into the Spark configuration of its session and into the Hadoop
 * configuration everything else uses (the lake, readers, raw zone, locks, run records, staging) before the
 * session exists. Once a session exists, its {@code sparkContext().hadoopConfiguration()} is the one to use:
 * it is built from the same {@link SparkConf} by the same function, so both hold the same settings.
 *
 * <p>Precedence: the settings given here ({@code --conf}, and the S3 options mapped to their
 * {@code spark.hadoop.fs.s3a.*} keys), then what spark-submit or the cluster set, then Strata's defaults.
 * Settings Strata does not know, such as Delta's {@code spark.delta.logStore.*} and
 * {@code spark.io.delta.storage.*}, pass through untouched.
 */
public final class SessionSettings {

    /** Hadoop's S3A key for the credential providers it asks, in order. */
    static final String S3A_CREDENTIAL_PROVIDERS = "fs.s3a.aws.credentials.provider";

    /**
     * Under {@code --env aws} with no provider configured: keys given in the configuration first, then the
     * AWS SDK's whole default chain (environment, system properties, web identity, profile, container and
     * instance role), where S3A's own default stops at the instance role.
     */
    static final String AWS_DEFAULT_CHAIN = "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider,"
            + "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider,"
            + "com.amazonaws.auth.DefaultAWSCredentialsProviderChain";

    private static final Pattern LOG_STORE_KEY = Pattern.compile("spark[.]delta[.]logStore[.](\\w+[.]impl|class)");

    private final Sessions.Environment environment;
    private final Map<String, String> conf;

    private SessionSettings(Sessions.Environment environment, Map<String, String> conf) {
        this.environment = Objects.requireNonNull(environment, "environment is null");
        this.conf = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(conf, "conf is null")));
    }

    /** Settings from the environment and Spark settings given by the user (highest precedence). */
    public static SessionSettings of(Sessions.Environment environment, Map<String, String> conf) {
        Objects.requireNonNull(conf, "conf is null").forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new UserError("a --conf key cannot be blank");
            }
            if (value == null) {
                throw new UserError("--conf " + key + " has no value");
            }
        });
        return new SessionSettings(environment, conf);
    }

    public Sessions.Environment environment() {
        return environment;
    }

    /** The settings given, as given. */
    public Map<String, String> conf() {
        return conf;
    }

    /** The settings given, ordered by key, with the value of every credential masked: what may be shown. */
    public Map<String, String> masked() {
        return SecretSettings.masked(conf);
    }

    /** The Spark configuration of the session: Strata's defaults under what spark-submit and the user set. */
    public SparkConf sparkConf(String appName) {
        Objects.requireNonNull(appName, "appName is null");
        SparkConf spark = new SparkConf(true);
        setDefault(spark, "spark.app.name", appName);
        if (environment == Sessions.Environment.LOCAL) {
            setDefault(spark, "spark.master", "local[*]");
            setDefault(spark, "spark.ui.enabled", "false");
            setDefault(spark, "spark.driver.host", "127.0.0.1");
            setDefault(spark, "spark.driver.bindAddress", "127.0.0.1");
            int cores = Runtime.getRuntime().availableProcessors();
            setDefault(spark, "spark.sql.shuffle.partitions", Integer.toString(Math.max(4, cores * 4)));
            // Delta rebuilds a table's state after every commit in this many tasks (default 50): on one
            // machine, one per core is faster for the small logs a lake's tables have
            setDefault(spark, "spark.databricks.delta.snapshotPartitions", Integer.toString(Math.max(1, cores)));
            setDefault(spark, "spark.sql.warehouse.dir",
                    new java.io.File(System.getProperty("java.io.tmpdir"), "strata-warehouse").toURI().toString());
        }
        setDefault(spark, "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
        setDefault(spark, "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        setDefault(spark, "spark.sql.session.timeZone", "UTC");
        setDefault(spark, "spark.sql.legacy.timeParserPolicy", "CORRECTED");
        setDefault(spark, "spark.databricks.delta.schema.autoMerge.enabled", "false");
        setDefault(spark, "spark.sql.adaptive.enabled", "true");
        // Spark hides the values of matching settings in its UI, event logs and environment listings;
        // Spark's own pattern, plus the PII salt and the access key ids Hadoop copies from AWS_ACCESS_KEY_ID
        // (fs.s3.awsAccessKeyId, fs.s3n.awsAccessKeyId)
        setDefault(spark, "spark.redaction.regex", "(?i)secret|password|token|access[._]?key|salt");
        // dates before 1582 and MIMIC's shifted years are written and read as they are (proleptic
        // Gregorian), never rebased to the hybrid Julian calendar of Spark 2
        for (String mode : List.of("datetimeRebaseModeInWrite", "datetimeRebaseModeInRead", "int96RebaseModeInWrite",
                "int96RebaseModeInRead")) {
            setDefault(spark, "spark.sql.parquet." + mode, "CORRECTED");
        }
        conf.forEach(spark::set);
        if (!spark.getBoolean("spark.ui.enabled", true) && !spark.getBoolean("spark.eventLog.enabled", false)) {
            // Spark describes every query's plan for its UI whether or not the UI runs: with no UI and no event
            // log to read it, the plain tree is enough (the "formatted" default cost ~4% of a test class's CPU)
            setDefault(spark, "spark.sql.ui.explainMode", "simple");
        }
        if (environment == Sessions.Environment.AWS) {
            // a local checkpoint lives on the executor that computed it: on a cluster that can be lost
            setDefault(spark, Checkpoints.RELIABLE, "true");
            setDefault(spark, "spark.cleaner.referenceTracking.cleanCheckpoints", "true");
            if (!spark.contains("spark.master")) {
                throw new UserError("--env aws expects to run under spark-submit (no spark.master is set); "
                        + "use --env local on this machine");
            }
            if (!configured(hadoopOf(spark), S3A_CREDENTIAL_PROVIDERS)
                    && loadable("com.amazonaws.auth.DefaultAWSCredentialsProviderChain")) {
                spark.set("spark.hadoop." + S3A_CREDENTIAL_PROVIDERS, AWS_DEFAULT_CHAIN);
            }
        }
        checkLogStores(spark);
        return spark;
    }

    /**
     * The Hadoop configuration for the time before a session exists: the one the session would have, built
     * by the same function Spark's context uses ({@code spark.hadoop.*} and {@code spark.hive.*} settings,
     * the AWS_* environment variables, the cluster's *-site.xml files).
     */
    public Configuration hadoopConf(String appName) {
        return hadoopOf(sparkConf(appName));
    }

    /** The session, made from {@link #sparkConf}, or the one already running in this JVM. */
    public SparkSession session(String appName) {
        SparkConf wanted = sparkConf(appName);
        if (Boolean.getBoolean(SHARED_CONTEXT)) {
            scala.Option<SparkSession> defaultSession = SparkSession.getDefaultSession();
            Optional<SparkSession> running = Optional.ofNullable(defaultSession.isDefined() ? defaultSession.get() : null)
                    .filter(s -> !s.sparkContext().isStopped());
            if (running.isPresent() && sameContext(running.get().sparkContext().getConf(), wanted)) {
                return freshSession(running.get(), wanted);
            }
            running.ifPresent(SparkSession::stop);
        }
        return SparkSession.builder().config(wanted).getOrCreate();
    }

    /**
     * System property of a JVM that runs command after command (the end-to-end tests): a command's session is a
     * new session of the running Spark context when the context was made with the same settings (apart from
     * the SQL settings each session holds on its own), and a command leaves the context running.
     */
    public static final String SHARED_CONTEXT = "strata.sessions.shared";

    /** Session setting: the folder reliable checkpoints go to (default: {@code <lake>/_checkpoints}). */
    public static final String CHECKPOINT_DIR = "spark.strata.checkpoint.dir";

    /**
     * Gives the session's context a checkpoint folder when its checkpoints are reliable and it has none yet:
     * {@link #CHECKPOINT_DIR}, or {@code _checkpoints} under the lake (Spark adds a folder of its own per
     * context, and removes what it no longer needs).
     */
    public static void checkpointFolder(SparkSession spark, String lakeRoot) {
        if (Boolean.parseBoolean(spark.conf().get(Checkpoints.RELIABLE, "false"))
                && spark.sparkContext().getCheckpointDir().isEmpty()) {
            String configured = spark.conf().get(CHECKPOINT_DIR, "");
            spark.sparkContext().setCheckpointDir(configured.isBlank() ? lakeRoot.replaceAll("/+$", "") + "/_checkpoints"
                    : configured);
        }
    }

    /** Settings a session holds on its own (SQL settings that are not static, and Strata's and Delta's). */
    private static boolean sessionSetting(String key) {
        return (key.startsWith("spark.sql.") && !SQLConf.isStaticConfigKey(key)) || key.startsWith("spark.strata.")
                || key.startsWith("spark.databricks.delta.");
    }

    /** Whether a context made with {@code running} serves a command that wants {@code wanted}. */
    private static boolean sameContext(SparkConf running, SparkConf wanted) {
        for (scala.Tuple2<String, String> setting : wanted.getAll()) {
            String key = setting._1();
            if (!sessionSetting(key) && !key.equals("spark.app.name")
                    && !setting._2().equals(running.get(key, null))) {
                return false;
            }
        }
        for (scala.Tuple2<String, String> setting : running.getAll()) {
            if (setting._1().startsWith("spark.hadoop.") && !setting._2().equals(wanted.get(setting._1(), null))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A new session of the running context, with this command's SQL settings and none of an earlier command's
     * tables: the databases earlier commands declared (external tables over the lake: dropping them drops no
     * data) are dropped.
     */
    private static SparkSession freshSession(SparkSession running, SparkConf wanted) {
        SparkSession session = running.newSession();
        for (scala.Tuple2<String, String> setting : wanted.getAll()) {
            if (sessionSetting(setting._1())) {
                session.conf().set(setting._1(), setting._2());
            }
        }
        for (org.apache.spark.sql.catalog.Database database : session.catalog().listDatabases().collectAsList()) {
            if (!database.name().equals("default")) {
                session.sql("DROP DATABASE IF EXISTS `" + database.name() + "` CASCADE");
            }
        }
        SparkSession.setActiveSession(session);
        return session;
    }

    /**
     * Fails fast when a Delta log store is configured whose class cannot be loaded, for example
     * {@code spark.delta.logStore.s3a.impl=io.delta.storage.S3DynamoDBLogStore} without the
     * {@code delta-storage-s3-dynamodb} jar, rather than at the first table write.
     */
    private static void checkLogStores(SparkConf spark) {
        for (scala.Tuple2<String, String> setting : spark.getAll()) {
            if (LOG_STORE_KEY.matcher(setting._1()).matches() && !loadable(setting._2().trim())) {
                throw new UserError(setting._1() + " names " + setting._2().trim() + ", which is not on the class path"
                        + logStoreHint(setting._2().trim()));
            }
        }
    }

    private static String logStoreHint(String className) {
        if (className.toLowerCase(Locale.ROOT).contains("dynamodb")) {
            return ": add the delta-storage-s3-dynamodb jar of the same Delta version (on EMR: "
                    + "/usr/share/aws/delta/lib/delta-storage-s3-dynamodb.jar) to spark.jars or the class path";
        }
        return ": add its jar to spark.jars or the class path";
    }

    /** Whether a setting was made anywhere but in Hadoop's own defaults (core-default.xml). */
    private static boolean configured(Configuration conf, String key) {
        if (conf.getTrimmed(key, "").isEmpty()) {
            return false;
        }
        String[] sources = conf.getPropertySources(key);
        return sources == null || !Arrays.stream(sources).allMatch(source -> source.equals("core-default.xml"));
    }

    private static Configuration hadoopOf(SparkConf spark) {
        return SparkHadoopUtil.get().newConfiguration(spark);
    }

    private static boolean loadable(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName(className, false, loader != null ? loader : SessionSettings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void setDefault(SparkConf conf, String key, String value) {
        if (!conf.contains(key)) {
            conf.set(key, value);
        }
    }
}
