package dev.strata.etl.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A curated step written in Java rather than SQL, named in a spec by {@code transform: <name>}.
 * Implementations are found with {@link java.util.ServiceLoader}, so a jar on the classpath can add
 * its own; they read the session's catalog tables by name and must not write anything.
 */
public interface CuratedTransform {

    String name();

    Dataset<Row> apply(SparkSession spark);
}
