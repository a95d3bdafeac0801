package dev.strata.etl.lake;

import io.delta.tables.DeltaMergeBuilder;
import dev.strata.etl.ServiceFailure;
import dev.strata.etl.engine.StepProfile;
import io.delta.tables.DeltaTable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes to Delta tables and reads back what each commit did, so that ledgers are checked against
 * the counts Delta itself recorded rather than against a second count of the same data.
 */
public final class DeltaTables {

    private final SparkSession spark;

    public DeltaTables(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
    }

    public boolean exists(String path) {
        return StepProfile.time(spark, "delta exists", () -> DeltaTable.isDeltaTable(spark, path));
    }

    public Dataset<Row> read(String path) {
        return spark.read().format("delta").load(path);
    }

    /** The table's columns as its latest version has them. */
    public org.apache.spark.sql.types.StructType schema(String path) {
        return StepProfile.time(spark, "delta schema", () -> read(path).schema());
    }

    /** Creates the table, or appends if it exists. */
    public WriteMetrics append(Dataset<Row> data, String path, List<String> partitionBy) {
        long before = version(path);
        StepProfile.time(spark, "delta write (append)", () -> data.write().format("delta").mode("append")
                .partitionBy(partitionBy.toArray(String[]::new)).save(path));
        return commitAfter(path, before);
    }

    /** Replaces exactly the rows matching {@code condition} (idempotent for reruns of the same batches). */
    public WriteMetrics replaceWhere(Dataset<Row> data, String path, String condition) {
        if (!exists(path)) {
            return append(data, path, List.of());
        }
        long before = version(path);
        StepProfile.time(spark, "delta write (replaceWhere)", () -> data.write().format("delta").mode("overwrite")
                .option("replaceWhere", condition).save(path));
        return commitAfter(path, before);
    }

    /** Replaces the whole table, schema included. */
    public WriteMetrics replace(Dataset<Row> data, String path, List<String> partitionBy) {
        long before = version(path);
        StepProfile.time(spark, "delta write (overwrite)", () -> data.write().format("delta").mode("overwrite")
                .option("overwriteSchema", "true").partitionBy(partitionBy.toArray(String[]::new)).save(path));
        return commitAfter(path, before);
    }

    /** Replaces only the partitions present in {@code data}. */
    public WriteMetrics replacePartitions(Dataset<Row> data, String path, List<String> partitionBy) {
        if (!exists(path)) {
            return append(data, path, partitionBy);
        }
        long before = version(path);
        StepProfile.time(spark, "delta write (partitions)", () -> data.write().format("delta").mode("overwrite")
                .option("partitionOverwriteMode", "dynamic").save(path));
        return commitAfter(path, before);
    }

    /**
     * Upserts on {@code keys}: rows whose key is new are inserted; matched rows are updated only when
     * {@code changed} (a condition over {@code t} and {@code s}) holds, so a rerun changes nothing.
     */
    public WriteMetrics merge(Dataset<Row> data, String path, List<String> keys, String changed,
            List<String> partitionBy) {
        if (!exists(path)) {
            return append(data, path, partitionBy);
        }
        String on = keys.stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`").collect(Collectors.joining(" AND "));
        DeltaMergeBuilder builder = DeltaTable.forPath(spark, path).as("t").merge(data.as("s"), on)
                .whenMatched(changed).updateAll()
                .whenNotMatched().insertAll();
        long before = version(path);
        StepProfile.time(spark, "delta merge", builder::execute);
        return commitAfter(path, before);
    }

    /** A condition true when any of {@code columns} differs between target and source (null-safe). */
    public static String anyDifferent(List<String> columns) {
        return columns.stream().map(c -> "NOT (t.`" + c + "` <=> s.`" + c + "`)")
                .collect(Collectors.joining(" OR ", "(", ")"));
    }

    /**
     * The table's latest version, or -1 when it is not a Delta table: the highest commit file in its log, read
     * from one listing of {@code _delta_log} (no Spark job).
     */
    public long version(String path) {
        Path log = new Path(path, "_delta_log");
        try {
            FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
            long latest = -1;
            for (FileStatus file : fs.listStatus(log)) {
                String name = file.getPath().getName();
                if (COMMIT_FILE.matcher(name).matches()) {
                    latest = Math.max(latest, Long.parseLong(name.substring(0, name.indexOf('.'))));
                }
            }
            return latest;
        } catch (FileNotFoundException e) {
            return -1;
        } catch (IOException e) {
            throw new ServiceFailure("cannot list the Delta log of " + path + ": " + ServiceFailure.detail(e), e);
        }
    }

    private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");

    /** What the write after {@code before} committed; nothing at all if it made no commit. */
    private WriteMetrics commitAfter(String path, long before) {
        WriteMetrics last = StepProfile.time(spark, "delta commit metrics", () -> lastCommit(path));
        return last.version() > before ? last : new WriteMetrics(before, "NONE", 0, 0, 0, 0, 0);
    }

    /**
     * What the table's latest commit did, read from that commit's file in the log (its {@code commitInfo}
     * action): one small file read, no Spark job.
     */
    public WriteMetrics lastCommit(String path) {
        long version = version(path);
        if (version < 0) {
            throw new IllegalStateException("no Delta log at " + path);
        }
        com.fasterxml.jackson.databind.JsonNode info = commitInfo(path, version)
                .orElse(LOG_JSON.createObjectNode());
        java.util.Map<String, String> metrics = new java.util.HashMap<>();
        info.path("operationMetrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asText()));
        return WriteMetrics.from(version, info.path("operation").asText(""), metrics);
    }

    /**
     * The user metadata of the table's latest commit whose operation is one of {@code operations}, read from the
     * log's commit files newest first (no Spark job); empty when the table is not there, no such commit is in
     * the log, or that commit has no user metadata.
     */
    public java.util.Optional<String> lastUserMetadata(String path, java.util.Set<String> operations) {
        for (long version = version(path); version >= 0; version--) {
            java.util.Optional<com.fasterxml.jackson.databind.JsonNode> info = commitInfo(path, version);
            if (info.isEmpty()) {
                // an older commit file removed by log cleanup: nothing further back is kept either
                return java.util.Optional.empty();
            }
            if (operations.contains(info.get().path("operation").asText(""))) {
                com.fasterxml.jackson.databind.JsonNode metadata = info.get().get("userMetadata");
                return metadata == null || metadata.isNull() ? java.util.Optional.empty()
                        : java.util.Optional.of(metadata.asText());
            }
        }
        return java.util.Optional.empty();
    }

    /** The {@code commitInfo} action of one commit file of the log, if the file is there and holds one. */
    /** When a version of the table was committed (its commitInfo's timestamp); empty when that is not recorded. */
    public java.util.Optional<java.time.Instant> commitTime(String path, long version) {
        return commitInfo(path, version).map(info -> info.path("timestamp"))
                .filter(com.fasterxml.jackson.databind.JsonNode::isNumber)
                .map(t -> java.time.Instant.ofEpochMilli(t.asLong()));
    }

    /**
     * Puts the table back as it was at {@code version} (a new commit; the versions after it stay in the log), or
     * removes the table when {@code version} is -1 (before its first commit).
     */
    public void restore(String path, long version) {
        if (version < 0) {
            try {
                new Path(path).getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(new Path(path), true);
            } catch (IOException e) {
                throw new ServiceFailure("cannot remove " + path + ": " + ServiceFailure.detail(e), e);
            }
        } else if (version < version(path)) {
            io.delta.tables.DeltaTable.forPath(spark, path).restoreToVersion(version);
        }
    }

    /** The table as it was at {@code version}. */
    public Dataset<Row> readVersion(String path, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(path);
    }

    private java.util.Optional<com.fasterxml.jackson.databind.JsonNode> commitInfo(String path, long version) {
        Path file = new Path(new Path(path, "_delta_log"), String.format("%020d.json", version));
        try {
            FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                    fs.open(file), java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    com.fasterxml.jackson.databind.JsonNode info = LOG_JSON.readTree(line).get("commitInfo");
                    if (info != null) {
                        return java.util.Optional.of(info);
                    }
                }
                return java.util.Optional.empty();
            }
        } catch (FileNotFoundException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new ServiceFailure("cannot read " + file + ": " + ServiceFailure.detail(e), e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper LOG_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
