package dev.strata.etl.cli;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.catalog.TableCatalog;
import dev.strata.etl.engine.SessionSettings;
import dev.strata.etl.lake.Lake;
import java.util.Objects;
import org.apache.commons.cli.CommandLine;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * What a command works with: its settings, the lake, its catalog, and a Spark session made only when first
 * needed. Every file system the command touches gets one Hadoop configuration: until the session exists, the
 * one built from the same settings as the session; from then on the session's own.
 */
final class Context implements AutoCloseable {

    private final String appName;
    private final SessionSettings settings;
    private final Configuration beforeSession;
    private final Lake lake;
    private final boolean profile;
    private SparkSession spark;

    Context(String appName, CommandLine line) {
        this.appName = Objects.requireNonNull(appName, "appName is null");
        this.profile = line.hasOption("profile");
        this.settings = CommonOptions.settings(line);
        // built now, so that a setting Spark would refuse fails before anything is read or written
        this.beforeSession = settings.hadoopConf(appName);
        this.lake = new Lake(CommonOptions.lakeRoot(line), this::hadoopConf);
    }

    private synchronized Configuration hadoopConf() {
        return spark != null ? spark.sparkContext().hadoopConfiguration() : beforeSession;
    }

    /** Whether the command prints where its steps' seconds went ({@code --profile}). */
    boolean profile() {
        return profile;
    }

    SessionSettings settings() {
        return settings;
    }

    Lake lake() {
        return lake;
    }

    TableCatalog catalog() {
        return new LocalTableCatalog(lake.root(), lake.conf());
    }

    synchronized SparkSession spark() {
        if (spark == null) {
            spark = settings.session(appName);
            SessionSettings.checkpointFolder(spark, lake.root());
        }
        return spark;
    }

    @Override
    public synchronized void close() {
        if (spark != null && !Boolean.getBoolean(SessionSettings.SHARED_CONTEXT)) {
            spark.stop();
        }
        spark = null;
    }
}
