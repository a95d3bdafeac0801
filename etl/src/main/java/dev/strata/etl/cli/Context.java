package dev.strata.etl.cli;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.catalog.TableCatalog;
import dev.strata.etl.engine.Sessions;
import dev.strata.etl.lake.Lake;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.cli.CommandLine;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/** What a command works with: the lake, its catalog, and a Spark session made only when first needed. */
final class Context implements AutoCloseable {

    private final String appName;
    private final Sessions.Environment environment;
    private final Map<String, String> conf;
    private final Lake lake;
    private SparkSession spark;

    Context(String appName, CommandLine line) {
        this.appName = Objects.requireNonNull(appName, "appName is null");
        this.environment = CommonOptions.environment(line);
        this.conf = CommonOptions.conf(line);
        this.lake = new Lake(CommonOptions.lakeRoot(line), hadoopConf(conf));
    }

    private static Configuration hadoopConf(Map<String, String> conf) {
        Configuration hadoop = new Configuration();
        conf.forEach((k, v) -> {
            if (k.startsWith("spark.hadoop.")) {
                hadoop.set(k.substring("spark.hadoop.".length()), v);
            }
        });
        return hadoop;
    }

    Lake lake() {
        return lake;
    }

    TableCatalog catalog() {
        return new LocalTableCatalog(lake.root(), lake.conf());
    }

    SparkSession spark() {
        if (spark == null) {
            spark = Sessions.create(appName, environment, conf);
        }
        return spark;
    }

    @Override
    public void close() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }
}
