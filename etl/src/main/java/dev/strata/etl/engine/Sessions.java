package dev.strata.etl.engine;

import dev.strata.etl.UserError;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session for a command. Precedence: {@code --conf} options, then what spark-submit
 * or the cluster set, then Strata's defaults below. The session is created once by the CLI and
 * passed to everything that needs it.
 */
public final class Sessions {

    /** Where a run happens: on this machine, or on a cluster that spark-submit already configured. */
    public enum Environment {
        LOCAL, AWS;

        public static Environment parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "local" -> LOCAL;
                case "aws" -> AWS;
                default -> throw new UserError("--env must be local or aws, not '" + text + "'");
            };
        }
    }

    private Sessions() {
    }

    public static SparkSession create(String appName, Environment environment, Map<String, String> conf) {
        SparkConf spark = new SparkConf(true);
        setDefault(spark, "spark.app.name", appName);
        if (environment == Environment.LOCAL) {
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
        // Spark's own pattern, plus the PII salt
        setDefault(spark, "spark.redaction.regex", "(?i)secret|password|token|access[.]key|salt");
        // dates before 1582 and MIMIC's shifted years are written and read as they are (proleptic
        // Gregorian), never rebased to the hybrid Julian calendar of Spark 2
        for (String mode : List.of("datetimeRebaseModeInWrite", "datetimeRebaseModeInRead", "int96RebaseModeInWrite",
                "int96RebaseModeInRead")) {
            setDefault(spark, "spark.sql.parquet." + mode, "CORRECTED");
        }
        for (Map.Entry<String, String> e : conf.entrySet()) {
            spark.set(e.getKey(), e.getValue());
        }
        if (environment == Environment.AWS && !spark.contains("spark.master")) {
            throw new UserError("--env aws expects to run under spark-submit (no spark.master is set); "
                    + "use --env local on this machine");
        }
        SparkSession session = SparkSession.builder().config(spark).getOrCreate();
        return session;
    }

    private static void setDefault(SparkConf conf, String key, String value) {
        if (!conf.contains(key)) {
            conf.set(key, value);
        }
    }

    /** How many independent steps (sources to clean, curated tables) run at once: {@code spark.strata.parallelSteps}, default 4. */
    public static int parallelSteps(SparkSession spark) {
        String value = spark.conf().get("spark.strata.parallelSteps", "4");
        try {
            return Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new UserError("spark.strata.parallelSteps must be a whole number, not '" + value + "'");
        }
    }
}
